// A signed survey start counts once (issue 26, decision 042): a script that fetched one form and
// sends its start with many answers cannot make them look slow; the reuses get 0 seconds and the
// integrity report's fast-answer check flags them.
import { describe, expect, it } from "vitest";
import { fastAnswers } from "~/lib/integrity";
import { action as surveyAction, loader as surveyLoader } from "~/routes/c.$slug.survey";
import { prisma } from "~/utils/db.server";
import { signFormStart } from "~/utils/form-timer.server";
import { context, cookiesFrom, formRequest, getRequest, settle } from "../fixtures/http";

async function answer(started: string, i: number) {
  const page = await settle(() =>
    surveyLoader({ request: getRequest("/c/cam-giang/survey"), params: { slug: "cam-giang" }, context: context() }),
  );
  const { submissionId } = await page.json();
  const body = { r_roads: "4", r_environment: "3", r_water: "5", r_security: "4", r_overall: "4", submissionId, started };
  const res = await settle(() =>
    surveyAction({
      request: formRequest("/c/cam-giang/survey", body, { cookie: cookiesFrom(page) }),
      params: { slug: "cam-giang" },
      context: context(`198.51.100.${60 + i}`),
    }),
  );
  expect(res.status).toBe(303);
  return (await prisma.response.findUniqueOrThrow({ where: { submissionId } })).durationSeconds;
}

describe("a signed survey start", () => {
  it("gives its time to the first answer only; a reused one gives 0 seconds, which is flagged as fast", async () => {
    const shownTenMinutesAgo = signFormStart(new Date(Date.now() - 600_000));
    const first = await answer(shownTenMinutesAgo, 0);
    expect(first).toBeGreaterThanOrEqual(600);
    const reused = [];
    for (let i = 1; i <= 4; i++) reused.push(await answer(shownTenMinutesAgo, i));
    expect(reused).toEqual([0, 0, 0, 0]);
    // Honest answers of about five minutes around them: the reuses stand out.
    const honest = [280, 300, 320, 310, 290].map((s) => ({ durationSeconds: s }));
    const flagged = fastAnswers([...honest, { durationSeconds: first }, ...reused.map((s) => ({ durationSeconds: s }))]);
    expect(flagged.fast.filter((a) => a.durationSeconds === 0)).toHaveLength(4);
  });

  it("used by many answers at once, still gives its time to one of them only", async () => {
    const started = signFormStart(new Date(Date.now() - 300_000));
    const durations = await Promise.all([10, 11, 12, 13, 14, 15].map((i) => answer(started, i)));
    expect(durations.filter((d) => d !== 0)).toHaveLength(1);
  });
});
