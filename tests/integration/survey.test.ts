// The survey slice against a real, migrated SQLite file: loaders and actions with real Requests.
import { beforeEach, describe, expect, it } from "vitest";
import { action as surveyAction, loader as surveyLoader } from "~/routes/c.$slug.survey";
import { loader as thanksLoader } from "~/routes/c.$slug.thanks";
import { loader as communeLoader } from "~/routes/c.$slug._index";
import { prisma } from "~/utils/db.server";
import { context, cookiesFrom, formRequest, getRequest, settle } from "../fixtures/http";

const SLUG = "vinh-bao";
const PATH = `/c/${SLUG}/survey`;
const KEYS = ["roads", "environment", "water", "security", "overall"];
let ipCounter = 0;
const freshIp = () => `198.51.100.${++ipCounter}`;

async function openForm(cookie?: string) {
  const res = await settle(() =>
    surveyLoader({ request: getRequest(PATH, { cookie }), params: { slug: SLUG }, context: context() }),
  );
  const data = await res.json();
  return { cookie: cookie ?? cookiesFrom(res), submissionId: data.submissionId as string, data };
}

function fullAnswer(submissionId: string, extra: Record<string, string | string[]> = {}) {
  return {
    r_roads: "2",
    r_environment: "4",
    r_water: "5",
    r_security: "na",
    r_overall: "3",
    comment: "Đường liên thôn xuống cấp",
    village: "Thôn Đông",
    submissionId,
    ...extra,
  };
}

function post(body: Record<string, string | string[]> | string, opts: Parameters<typeof formRequest>[2] = {}, ip = freshIp()) {
  return settle(() => surveyAction({ request: formRequest(PATH, body, opts), params: { slug: SLUG }, context: context(ip) }));
}

const count = () => prisma.response.count();

beforeEach(async () => {
  await prisma.response.deleteMany();
});

describe("a valid survey", () => {
  it("is stored with each rating, the period and hashed integrity fields, then redirects to thanks", async () => {
    const { cookie, submissionId } = await openForm();
    const res = await post(fullAnswer(submissionId), { cookie }, "203.0.113.7");
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(`/c/${SLUG}/thanks`);

    const stored = await prisma.response.findFirstOrThrow({
      include: { ratings: { include: { criterion: true } }, commune: true },
    });
    expect(stored.commune.slug).toBe(SLUG);
    expect(stored.comment).toBe("Đường liên thôn xuống cấp");
    expect(stored.village).toBe("Thôn Đông");
    expect(stored.period).toMatch(/^\d{4}-Q[1-4]$/);
    const byKey = Object.fromEntries(stored.ratings.map((r) => [r.criterion.key, r.score]));
    expect(byKey).toEqual({ roads: 2, environment: 4, water: 5, security: null, overall: 3 });
    // Never the raw address, never the raw cookie id.
    expect(stored.ipHash).toBeTruthy();
    expect(stored.ipHash).not.toContain("203.0.113.7");
    expect(stored.voterHash).toBeTruthy();
    expect(cookie).not.toContain(stored.voterHash!);

    const thanks = await settle(() =>
      thanksLoader({ request: getRequest(`/c/${SLUG}/thanks`, { cookie }), params: { slug: SLUG }, context: context() }),
    );
    const data = await thanks.json();
    expect(data.mine.comment).toBe("Đường liên thôn xuống cấp");
    expect(data.scoreboard.rows).toHaveLength(5);
  });

  it("keeps HTML in a comment as plain text", async () => {
    const { cookie, submissionId } = await openForm();
    const evil = `<script>alert("x")</script><img src=x onerror=alert(1)>`;
    const res = await post(fullAnswer(submissionId, { comment: evil }), { cookie });
    expect(res.status).toBe(303);
    expect((await prisma.response.findFirstOrThrow()).comment).toBe(evil);
  });
});

describe("bad input is refused with 400, the input kept and nothing stored", () => {
  it("missing ratings", async () => {
    const { cookie, submissionId } = await openForm();
    const body = fullAnswer(submissionId);
    delete (body as Record<string, string>).r_water;
    const res = await post(body, { cookie });
    expect(res.status).toBe(400);
    const data = await res.json();
    expect(data.fieldErrors.r_water).toBe("errors.ratingRequired");
    expect(data.values.comment).toBe("Đường liên thôn xuống cấp");
    expect(data.values.r_roads).toBe("2");
    expect(await count()).toBe(0);
  });

  it.each(["0", "6", "4.5", "-1", "five", ""])("an out-of-range rating %j", async (value) => {
    const { cookie, submissionId } = await openForm();
    const res = await post(fullAnswer(submissionId, { r_roads: value }), { cookie });
    expect(res.status).toBe(400);
    expect((await res.json()).fieldErrors.r_roads).toBe("errors.ratingRequired");
    expect(await count()).toBe(0);
  });

  it("a rating sent twice for one criterion", async () => {
    const { cookie, submissionId } = await openForm();
    const res = await post(fullAnswer(submissionId, { r_roads: ["5", "1"] }), { cookie });
    expect(res.status).toBe(400);
    expect(await count()).toBe(0);
  });

  it("a comment over 1,000 characters", async () => {
    const { cookie, submissionId } = await openForm();
    const long = "ầ".repeat(1001);
    const res = await post(fullAnswer(submissionId, { comment: long }), { cookie });
    expect(res.status).toBe(400);
    const data = await res.json();
    expect(data.fieldErrors.comment).toBe("errors.commentTooLong");
    expect(data.values.comment).toBe(long);
    expect(await count()).toBe(0);
  });

  it("accepts exactly 1,000 characters of Vietnamese", async () => {
    const { cookie, submissionId } = await openForm();
    const res = await post(fullAnswer(submissionId, { comment: "ầ".repeat(1000) }), { cookie });
    expect(res.status).toBe(303);
    expect(await count()).toBe(1);
  });

  it("a forged criterion", async () => {
    const { cookie, submissionId } = await openForm();
    const res = await post(fullAnswer(submissionId, { r_schools: "5" }), { cookie });
    expect(res.status).toBe(400);
    expect((await res.json()).formError).toBe("unknownField");
    expect(await count()).toBe(0);
  });

  it("a body that is not a form", async () => {
    const { cookie, submissionId } = await openForm();
    const res = await post(JSON.stringify(fullAnswer(submissionId)), { cookie, contentType: "application/json" });
    expect(res.status).toBe(400);
    expect((await res.json()).formError).toBe("notForm");
    expect(await count()).toBe(0);
  });

  it("a huge body", async () => {
    const { cookie, submissionId } = await openForm();
    const body = new URLSearchParams(fullAnswer(submissionId)).toString() + "&comment=" + "a".repeat(5_000_000);
    const res = await post(body, { cookie });
    expect(res.status).toBe(413);
    expect((await res.json()).formError).toBe("tooLarge");
    expect(await count()).toBe(0);
  });

  it("a missing or forged submission token", async () => {
    const { cookie } = await openForm();
    const res = await post(fullAnswer("not-a-uuid"), { cookie });
    expect(res.status).toBe(400);
    expect(await count()).toBe(0);
  });
});

describe("integrity", () => {
  it("refuses a second answer from the same resident in the same period, politely, with 409", async () => {
    const first = await openForm();
    expect((await post(fullAnswer(first.submissionId), { cookie: first.cookie })).status).toBe(303);
    const again = await openForm(first.cookie);
    expect(again.data.already).not.toBeNull();
    const res = await post(fullAnswer(again.submissionId), { cookie: first.cookie });
    expect(res.status).toBe(409);
    expect((await res.json()).formError).toBe("duplicate");
    expect(await count()).toBe(1);
  });

  it("stores one response when the same form is sent twice at once (double tap)", async () => {
    const { cookie, submissionId } = await openForm();
    const body = fullAnswer(submissionId);
    const [a, b] = await Promise.all([post(body, { cookie }), post(body, { cookie })]);
    expect([a.status, b.status]).toEqual([303, 303]);
    expect(await count()).toBe(1);
  });

  it("a second resident (another cookie) can answer for the same commune", async () => {
    const one = await openForm();
    const two = await openForm();
    expect((await post(fullAnswer(one.submissionId), { cookie: one.cookie })).status).toBe(303);
    expect((await post(fullAnswer(two.submissionId), { cookie: two.cookie })).status).toBe(303);
    expect(await count()).toBe(2);
  });

  it("without the resident cookie: nothing stored, a cookie given, the answers kept", async () => {
    const { submissionId } = await openForm();
    const res = await post(fullAnswer(submissionId));
    expect(res.status).toBe(400);
    expect(res.headers.get("Set-Cookie")).toMatch(/^voter=/);
    const data = await res.json();
    expect(data.formError).toBe("noCookie");
    expect(data.values.r_roads).toBe("2");
    expect(await count()).toBe(0);
  });

  it("refuses a post from another site", async () => {
    const { cookie, submissionId } = await openForm();
    const res = await post(fullAnswer(submissionId), { cookie, origin: "https://evil.example" });
    expect(res.status).toBe(403);
    expect(await count()).toBe(0);
  });
});

describe("unknown commune", () => {
  it("is a 404 for the page, the survey and a post", async () => {
    const params = { slug: "khong-co" };
    expect((await settle(() => communeLoader({ request: getRequest("/c/khong-co"), params, context: context() }))).status).toBe(
      404,
    );
    expect(
      (await settle(() => surveyLoader({ request: getRequest("/c/khong-co/survey"), params, context: context() }))).status,
    ).toBe(404);
    const { cookie, submissionId } = await openForm();
    const res = await settle(() =>
      surveyAction({
        request: formRequest("/c/khong-co/survey", fullAnswer(submissionId), { cookie }),
        params,
        context: context(),
      }),
    );
    expect(res.status).toBe(404);
    expect(await count()).toBe(0);
  });
});

describe("the commune page", () => {
  it("shows the recognition status and per-criterion scores with n, interval and verdict", async () => {
    const commune = await prisma.commune.findUniqueOrThrow({ where: { slug: SLUG } });
    const level = await prisma.recognitionLevel.findUniqueOrThrow({ where: { key: "2021-2025/kieu-mau" } });
    await prisma.recognition.create({
      data: { communeId: commune.id, levelId: level.id, decisionNumber: "12/QĐ-UBND", decidedOn: new Date("2024-05-01") },
    });
    // 20 answers on roads, 14 satisfied: the known Wilson interval 48%-86%.
    const criteria = await prisma.criterion.findMany();
    for (let i = 0; i < 20; i++) {
      const { cookie, submissionId } = await openForm();
      const ratings = Object.fromEntries(
        KEYS.map((k) => [`r_${k}`, k === "roads" ? (i < 14 ? "5" : "2") : k === "water" && i >= 3 ? "na" : "4"]),
      );
      expect((await post({ ...ratings, submissionId }, { cookie })).status).toBe(303);
    }
    const res = await settle(() =>
      communeLoader({ request: getRequest(`/c/${SLUG}`), params: { slug: SLUG }, context: context() }),
    );
    const data = await res.json();
    expect(data.scoreboard.recognition.level.key).toBe("2021-2025/kieu-mau");
    expect(data.scoreboard.recognition.decisionNumber).toBe("12/QĐ-UBND");
    const byKey = Object.fromEntries(
      data.scoreboard.rows.map((r: { criterion: { key: string }; score: unknown }) => [r.criterion.key, r.score]),
    );
    expect(byKey.roads).toMatchObject({
      hidden: false,
      answered: 20,
      satisfied: 14,
      share: 0.7,
      indicative: true,
      verdict: "insufficient",
    });
    expect(byKey.roads.interval.low).toBeCloseTo(0.481, 3);
    expect(byKey.roads.interval.high).toBeCloseTo(0.8545, 3);
    // water: 3 opinions, 17 "no opinion": hidden
    expect(byKey.water).toEqual({ hidden: true, answered: 3, noOpinion: 17 });
    expect(criteria).toHaveLength(5);
  });

  it("says 'not recognised' when there is no standing decision (revoked ones do not count)", async () => {
    const commune = await prisma.commune.findUniqueOrThrow({ where: { slug: "tien-lang" } });
    const level = await prisma.recognitionLevel.findUniqueOrThrow({ where: { key: "2021-2025/ntm" } });
    await prisma.recognition.create({
      data: {
        communeId: commune.id,
        levelId: level.id,
        decisionNumber: "9/QĐ",
        decidedOn: new Date("2020-01-01"),
        revokedOn: new Date("2025-01-01"),
      },
    });
    const res = await settle(() =>
      communeLoader({ request: getRequest("/c/tien-lang"), params: { slug: "tien-lang" }, context: context() }),
    );
    expect((await res.json()).scoreboard.recognition).toBeNull();
  });
});
