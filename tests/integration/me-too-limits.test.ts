// "Me too" counts residents, not requests (issue 26): only with the resident's own cookie, and at
// most ME_TOO_PER_HOUR supports from one network address an hour.
import { beforeAll, describe, expect, it } from "vitest";
import { action as meTooAction } from "~/routes/c.$slug.me-too";
import { createComplaint } from "~/models/complaint/filing.server";
import { prisma } from "~/utils/db.server";
import { ME_TOO_PER_HOUR } from "~/utils/rate-limit.server";
import { context, cookiesFrom, formRequest, settle } from "../fixtures/http";

const SLUG = "vinh-bao";
let complaintId = 0;
beforeAll(async () => {
  const communeId = (await prisma.commune.findUniqueOrThrow({ where: { slug: SLUG } })).id;
  complaintId = (
    await createComplaint({ communeId, category: "roads", text: "Ổ gà lớn giữa đường liên thôn.", village: "Thôn Nam" })
  ).id;
});

const press = (ip: string, cookie?: string) =>
  settle(() =>
    meTooAction({
      request: formRequest(`/c/${SLUG}/me-too`, { complaintId: String(complaintId) }, { cookie }),
      params: { slug: SLUG },
      context: context(ip),
    }),
  );
const supporters = () => prisma.supporter.count({ where: { complaintId } });

describe("me too", () => {
  it("without the resident's cookie counts nothing: the cookie is set and the page asks to press again", async () => {
    const before = await supporters();
    for (let i = 0; i < 20; i++) {
      const res = await press("203.0.113.160");
      expect(res.status).toBe(303);
      expect(res.headers.get("Location")).toBe(`/c/${SLUG}/me-too?id=${complaintId}&confirm=1`);
      expect(cookiesFrom(res)).toMatch(/^voter=/);
    }
    expect(await supporters()).toBe(before);
  });

  it(`from one address, counts at most ${ME_TOO_PER_HOUR} residents an hour (429 after), others' addresses not limited`, async () => {
    const before = await supporters();
    const ip = "203.0.113.161";
    const statuses = [];
    for (let i = 0; i < ME_TOO_PER_HOUR + 5; i++) {
      const cookie = cookiesFrom(await press(ip));
      statuses.push((await press(ip, cookie)).status);
    }
    expect(statuses.filter((s) => s === 303)).toHaveLength(ME_TOO_PER_HOUR);
    expect(statuses.slice(ME_TOO_PER_HOUR)).toEqual([429, 429, 429, 429, 429]);
    expect(await supporters()).toBe(before + ME_TOO_PER_HOUR);
    const elsewhere = cookiesFrom(await press("203.0.113.162"));
    expect((await press("203.0.113.162", elsewhere)).status).toBe(303);
  });
});
