// Issue 24: "is it fixed?" some weeks after a resolution; "no" reopens the report, "yes" is recorded.
import { describe, expect, it } from "vitest";
import { action as fixAction, loader as fixLoader } from "~/routes/fix.$token";
import { askDueFixChecks, fixHeldByCommune, openFixCheckForCode } from "~/models/complaint/fix-check.server";
import { createComplaint } from "~/models/complaint/filing.server";
import { moveComplaint } from "~/models/complaint/workflow.server";
import { prisma } from "~/utils/db.server";
import { context, getRequest, ORIGIN, settle } from "../fixtures/http";
import { createStaff } from "../fixtures/staff";

const WEEK = 7 * 86_400_000;

async function resolvedReport(email: string | null) {
  const official = await createStaff("official", ["vinh-bao"]);
  const commune = await prisma.commune.findUniqueOrThrow({ where: { slug: "vinh-bao" } });
  const { id, code } = await createComplaint({
    communeId: commune.id,
    category: "roads",
    text: "Ổ gà lớn trước cổng trường thôn 4, xe máy ngã nhiều lần.",
    notify: { email },
    consent: "report", // the resident ticked the box: without it no contact is kept (decision 037)
  });
  await moveComplaint({ id, actorId: official.id, to: "resolved", reply: "Đã vá ổ gà." });
  const { resolvedAt } = await prisma.complaint.findUniqueOrThrow({ where: { id }, select: { resolvedAt: true } });
  return { id, code, communeId: commune.id, resolvedAt: resolvedAt! };
}

function answer(token: string, fields: Record<string, string>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return settle(() =>
    fixAction({
      request: new Request(`${ORIGIN}/fix/${token}`, { method: "POST", headers: { Origin: ORIGIN }, body: form }),
      params: { token },
      context: context(),
    }),
  );
}

describe("is it fixed?", () => {
  it("asks once, four weeks after the resolution, by e-mail through the outbox; 'no' reopens with the answer as reason", async () => {
    const r = await resolvedReport(`fix${Date.now()}@example.test`);
    await askDueFixChecks({ now: new Date(r.resolvedAt.getTime() + 3 * WEEK) });
    expect(await prisma.fixCheck.count({ where: { complaintId: r.id } })).toBe(0);
    const later = new Date(r.resolvedAt.getTime() + 4 * WEEK + 1000);
    await askDueFixChecks({ now: later });
    await askDueFixChecks({ now: new Date(later.getTime() + WEEK) });
    const checks = await prisma.fixCheck.findMany({ where: { complaintId: r.id } });
    expect(checks).toHaveLength(1);
    expect(checks[0].askedAt).toEqual(later);
    const mail = await prisma.outboxMessage.findFirstOrThrow({
      where: { subscription: { complaintId: r.id }, subject: { contains: "khắc phục" } },
    });
    expect(mail.body).toContain(`/fix/${checks[0].token}?answer=no`);
    expect(mail.body).toContain(`/fix/${checks[0].token}?answer=yes`);

    const page = await settle(() =>
      fixLoader({
        request: getRequest(`/fix/${checks[0].token}?answer=no`),
        params: { token: checks[0].token },
        context: context(),
      }),
    );
    expect(page.status).toBe(200);
    // Bad input: 400, nothing written.
    const bad = await answer(checks[0].token, { answer: "not_held", body: "x".repeat(1001) });
    expect(bad.status).toBe(400);
    expect((await bad.json()).fieldErrors.body).toBe("reach:fix.errors.bodyTooLong");
    expect((await prisma.complaint.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("resolved");

    const res = await answer(checks[0].token, { answer: "not_held", body: "Ổ gà lại xuất hiện sau trận mưa." });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(`/t/${r.code}?fix=not_held`);
    const c = await prisma.complaint.findUniqueOrThrow({ where: { id: r.id }, select: { status: true, events: true } });
    expect(c.status).toBe("reopened");
    expect(c.events.find((e) => e.kind === "reopened")?.body).toBe("Ổ gà lại xuất hiện sau trận mưa.");
    // Answered once only.
    expect((await answer(checks[0].token, { answer: "held" })).status).toBe(409);
  });

  it("without a contact, the tracking page asks; 'yes' is recorded and counts towards the fixes that held", async () => {
    const r = await resolvedReport(null);
    expect(await openFixCheckForCode({ code: r.code, now: new Date(r.resolvedAt.getTime() + WEEK) })).toBeNull();
    const later = new Date(r.resolvedAt.getTime() + 5 * WEEK);
    await askDueFixChecks({ now: later });
    const asked = await prisma.fixCheck.findFirstOrThrow({ where: { complaintId: r.id } });
    expect(asked.askedAt).toBeNull();
    const open = await openFixCheckForCode({ code: r.code, now: later });
    expect(open?.token).toBe(asked.token);
    const before = (await fixHeldByCommune({ communeIds: [r.communeId] })).get(r.communeId) ?? { answered: 0, held: 0 };
    expect((await answer(asked.token, { answer: "held" })).status).toBe(303);
    expect((await prisma.complaint.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("resolved");
    const after = (await fixHeldByCommune({ communeIds: [r.communeId] })).get(r.communeId)!;
    expect(after).toEqual({ answered: before.answered + 1, held: before.held + 1 });
    expect(await openFixCheckForCode({ code: r.code, now: later })).toBeNull();
  });
});
