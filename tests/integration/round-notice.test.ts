// Issue 24: the results notice and the loudspeaker scripts, once a round's count is final.
import { describe, expect, it } from "vitest";
import { loader as scriptLoader } from "~/routes/staff.rounds.$id_.loudspeaker";
import { loader as noticeLoader } from "~/routes/staff.rounds.$id_.notice";
import { getRoundResults } from "~/models/round-results.server";
import { speechProblems } from "~/lib/loudspeaker";
import { env } from "~/utils/env.server";
import { prisma } from "~/utils/db.server";
import { context, getRequest, settle } from "../fixtures/http";
import { createStaff, signIn } from "../fixtures/staff";

const HOUR = 3600_000;

async function roundEnded(hoursAgo: number, slugs: string[]) {
  const communes = await prisma.commune.findMany({ where: { slug: { in: slugs } }, select: { id: true } });
  const now = Date.now();
  return prisma.surveyRound.create({
    data: {
      name: `Đợt NTM ${now} (thử)`,
      purpose: "routine",
      startsAt: new Date(now - 20 * 24 * HOUR),
      endsAt: new Date(now - hoursAgo * HOUR),
      communes: { create: communes.map((c) => ({ communeId: c.id, households: 1205 })) },
    },
  });
}

describe("results notice and loudspeaker script", () => {
  it("are final only once paper entry has closed (the round's end plus the grace period)", async () => {
    const round = await roundEnded(1, ["vinh-bao"]);
    const early = await getRoundResults({ roundId: round.id, communeIds: null });
    expect(early).toMatchObject({ ok: false, reason: "notFinal" });
    const later = new Date(round.endsAt.getTime() + env.PAPER_GRACE_HOURS * HOUR);
    const final = await getRoundResults({ roundId: round.id, communeIds: null, now: later });
    expect(final.ok).toBe(true);

    const cookie = await signIn((await createStaff("council")).email);
    const notice = await settle(() =>
      noticeLoader({
        request: getRequest(`/staff/rounds/${round.id}/notice`, { cookie }),
        params: { id: String(round.id) },
        context: context(),
      }),
    );
    expect(notice.status).toBe(409);
    const script = await settle(() =>
      scriptLoader({
        request: getRequest(`/staff/rounds/${round.id}/loudspeaker?kind=results`, { cookie }),
        params: { id: String(round.id) },
        context: context(),
      }),
    );
    expect(script.status).toBe(409);
  });

  it("gives every commune of a closed round its notice, and one script per commune an official may see", async () => {
    const round = await roundEnded(env.PAPER_GRACE_HOURS + 1, ["vinh-bao", "tien-lang"]);
    const council = await signIn((await createStaff("council")).email);
    const notice = await settle(() =>
      noticeLoader({
        request: getRequest(`/staff/rounds/${round.id}/notice`, { cookie: council }),
        params: { id: String(round.id) },
        context: context(),
      }),
    );
    expect(notice.status).toBe(200);
    const data = await notice.json();
    expect(data.notices.map((n: { slug: string }) => n.slug).sort()).toEqual(["tien-lang", "vinh-bao"]);
    expect(data.notices[0].coverage).toBe("Số hộ đã trả lời: 0 trên 1205 hộ");

    const official = await signIn((await createStaff("official", ["vinh-bao"])).email);
    const res = await settle(() =>
      scriptLoader({
        request: getRequest(`/staff/rounds/${round.id}/loudspeaker?kind=results`, { cookie: official }),
        params: { id: String(round.id) },
        context: context(),
      }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
    const text = await res.text();
    expect(text).toContain("Vĩnh Bảo");
    expect(text).not.toContain("Tiên Lãng");
    expect(text).toContain("Có không trên một nghìn hai trăm linh năm hộ đã trả lời.");
    expect(speechProblems(text)).toEqual([]);

    const bad = await settle(() =>
      scriptLoader({
        request: getRequest(`/staff/rounds/${round.id}/loudspeaker?kind=other`, { cookie: official }),
        params: { id: String(round.id) },
        context: context(),
      }),
    );
    expect(bad.status).toBe(400);
  });
});
