// Property-based: random and malformed bodies posted to every public action never cause a 5xx,
// and when the answer is 4xx nothing was stored.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { action as surveyAction, loader as surveyLoader } from "~/routes/c.$slug.survey";
import { action as reportAction } from "~/routes/c.$slug.report";
import { action as trackAction } from "~/routes/t.$code";
import { action as languageAction } from "~/routes/language";
import { action as loginAction } from "~/routes/staff_.login";
import { createComplaint } from "~/models/complaint/filing.server";
import { prisma } from "~/utils/db.server";
import { context, cookiesFrom, getRequest, ORIGIN, settle } from "../fixtures/http";

const SURVEY_KEYS = [
  "r_roads",
  "r_environment",
  "r_water",
  "r_security",
  "r_overall",
  "comment",
  "village",
  "submissionId",
  "intent",
  "rating",
  "reason",
  "category",
  "text",
  "contact",
  "latitude",
  "longitude",
  "email",
  "password",
  "lng",
  "redirectTo",
];
const nasty = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    "",
    "na",
    "1",
    "5",
    "6",
    "-1",
    "1e3",
    "NaN",
    "null",
    "<script>alert(1)</script>",
    "\u202e\u200b",
    "ầ".repeat(1200),
    "rate",
    "reopen",
    "roads",
    "a".repeat(3000),
    "%",
    "%%00",
    "\0",
  ),
  fc.uuid(),
);
const fields = fc.dictionary(
  fc.oneof(fc.constantFrom(...SURVEY_KEYS), fc.string({ maxLength: 12 })),
  fc.oneof(nasty, fc.array(nasty, { maxLength: 3 })),
  { maxKeys: 12 },
);
const contentType = fc.constantFrom(
  "application/x-www-form-urlencoded",
  "application/json",
  "text/plain",
  "multipart/form-data",
  "multipart/form-data; boundary=x",
  "",
);

function encode(body: Record<string, string | string[]>) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(body)) for (const item of Array.isArray(v) ? v : [v]) p.append(k, item);
  return p.toString();
}

const counts = async () =>
  Promise.all([prisma.response.count(), prisma.complaint.count(), prisma.complaintEvent.count(), prisma.session.count()]);

let voterCookie = "";
let trackingCode = "";

beforeAll(async () => {
  const res = await settle(() =>
    surveyLoader({ request: getRequest("/c/vinh-bao/survey"), params: { slug: "vinh-bao" }, context: context() }),
  );
  voterCookie = cookiesFrom(res);
  const commune = await prisma.commune.findUniqueOrThrow({ where: { slug: "vinh-bao" } });
  trackingCode = (await createComplaint({ communeId: commune.id, category: "roads", text: "Đường hỏng ở thôn 3." })).code;
});

type Run = (request: Request) => Promise<unknown>;
const targets: [string, string, Run][] = [
  [
    "survey",
    "/c/vinh-bao/survey",
    (request) =>
      surveyAction({
        request,
        params: { slug: "vinh-bao" },
        context: context(`10.1.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`),
      }),
  ],
  [
    "report",
    "/c/vinh-bao/report",
    (request) =>
      reportAction({
        request,
        params: { slug: "vinh-bao" },
        context: context(`10.2.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`),
      }),
  ],
  ["track", "/t/CODE", (request) => trackAction({ request, params: { code: trackingCode }, context: context() })],
  ["language", "/language", (request) => languageAction({ request, params: {}, context: context() })],
  [
    "login",
    "/staff/login",
    (request) => loginAction({ request, params: {}, context: context(`10.3.${Math.floor(Math.random() * 250)}.1`) }),
  ],
];

describe.each(targets)("random posts to the %s action", (_name, path, run) => {
  it("never answer 5xx, and store nothing when they answer 4xx", async () => {
    await fc.assert(
      fc.asyncProperty(fields, contentType, fc.boolean(), async (body, type, asMultipart) => {
        let request: Request;
        if (asMultipart) {
          const form = new FormData();
          for (const [k, v] of Object.entries(body)) for (const item of Array.isArray(v) ? v : [v]) form.append(k, item);
          request = new Request(ORIGIN + path, { method: "POST", body: form, headers: { Origin: ORIGIN, Cookie: voterCookie } });
        } else {
          request = new Request(ORIGIN + path, {
            method: "POST",
            body: encode(body),
            headers: { Origin: ORIGIN, Cookie: voterCookie, ...(type ? { "Content-Type": type } : {}) },
          });
        }
        const before = await counts();
        const res = await settle(() => run(request));
        expect(res.status).toBeLessThan(500);
        if (res.status >= 400) expect(await counts()).toEqual(before);
      }),
      { numRuns: 60 },
    );
  });
});
