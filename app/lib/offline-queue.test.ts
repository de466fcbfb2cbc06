// How the offline queue reads the server's answer to a queued form, and what it sends.
import { describe, expect, it } from "vitest";
import ballotVi from "../../locales/vi/ballot.json";
import { bodyOf, classify, dataUrl, residentPage } from "./offline-queue";

const headers = (h: Record<string, string>) => ({ get: (n: string) => h[n] ?? null });
const body = (s: string) => () => Promise.resolve(s);

describe("classify", () => {
  it("a Remix redirect means stored: the thanks page or the tracking page", async () => {
    expect(await classify(204, headers({ "X-Remix-Redirect": "/t/ABCDE-FGHJK?new=1" }), body(""))).toEqual({
      kind: "sent",
      location: "/t/ABCDE-FGHJK?new=1",
    });
  });

  it("no signal, rate limit, server busy or broken: try again later", async () => {
    for (const status of [0, 429, 500, 503]) expect(await classify(status, headers({}), body("{}"))).toEqual({ kind: "retry" });
  });

  it("a refusal keeps the server's reasons (message keys), and a non-JSON refusal its status", async () => {
    expect(await classify(409, headers({}), body(JSON.stringify({ formError: "duplicate", values: { a: "1" } })))).toEqual({
      kind: "rejected",
      status: 409,
      error: { formError: "duplicate", fieldErrors: undefined },
    });
    expect(await classify(404, headers({}), body("<html>"))).toEqual({ kind: "rejected", status: 404, error: {} });
    // A household code used meanwhile (/b/<code>): the reason travels with the item.
    const used = JSON.stringify({ state: "refused", refused: { problem: "codeErrors.usedCode", code: "ABCD-EFGH" } });
    // The reason is a real message key of the ballot page (what app/routes/b.$code.tsx sends).
    expect(Object.keys(ballotVi.codeErrors)).toContain("usedCode");
    expect(await classify(400, headers({}), body(used))).toEqual({
      kind: "rejected",
      status: 400,
      error: { formError: undefined, fieldErrors: undefined, refused: { problem: "codeErrors.usedCode", code: "ABCD-EFGH" } },
    });
  });
});

describe("bodyOf and dataUrl", () => {
  it("sends a survey url-encoded and a report as multipart with its photos", async () => {
    const survey = bodyOf({
      kind: "survey",
      fields: [
        ["r_roads", "4"],
        ["submissionId", "x"],
      ],
      photos: [],
    });
    expect(survey).toBeInstanceOf(URLSearchParams);
    expect(survey.toString()).toBe("r_roads=4&submissionId=x");

    const blob = new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: "image/jpeg" });
    const report = bodyOf({ kind: "report", fields: [["text", "Ổ gà"]], photos: [{ name: "a.jpg", type: "image/jpeg", blob }] });
    expect(report).toBeInstanceOf(FormData);
    const photo = (report as FormData).get("photos") as File;
    expect(photo.name).toBe("a.jpg");
    expect(photo.size).toBe(3);
    expect((report as FormData).get("text")).toBe("Ổ gà");
  });

  it("asks the route for data, not a page", () => {
    expect(dataUrl({ action: "/c/vinh-bao/survey", routeId: "routes/c.$slug.survey" })).toBe(
      "/c/vinh-bao/survey?_data=routes%2Fc.%24slug.survey",
    );
  });
});

describe("residentPage", () => {
  it("keeps the commune list and a commune's page, survey and report form, with its slug", () => {
    expect(residentPage("/")).toEqual({ slug: null });
    expect(residentPage("/c/vinh-bao")).toEqual({ slug: "vinh-bao" });
    expect(residentPage("/c/vinh-bao/survey")).toEqual({ slug: "vinh-bao" });
    expect(residentPage("/c/vinh-bao/report/")).toEqual({ slug: "vinh-bao" });
  });

  it("never keeps anything personal: household ballots, tracking, thanks, me-too or staff pages (issue 26)", () => {
    for (const path of [
      "/b/ABCD-EFGH-JKMN-PQ",
      "/b/ABCDEFGHJKMNPQ/",
      "/t/ABCDE-FGHJK",
      "/c/vinh-bao/thanks",
      "/c/vinh-bao/thanks/",
      "/c/vinh-bao/me-too",
      "/staff/council",
      "/staff",
    ])
      expect(residentPage(path), path).toBeNull();
  });
});
