// Composing the digests (decision 043): a follower's daily digest of their commune or village
// (new reports, public answers, a round opening, a round's final results) and a council member's
// weekly digest (communes newly at risk, overdue reports per commune, rounds that closed). Each
// is one NewsMessage row per recipient and period (unique), so running the job twice, or in two
// processes, writes each digest once. The outbox worker sends them.
import { Prisma } from "~/generated/prisma/client";
import { countFinalAt } from "~/lib/round";
import { dailyPeriod, excerpt, villageMatches, weeklyPeriod } from "~/lib/news";
import { vnIsoDay } from "~/lib/vn-time";
import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { getFixedT } from "~/utils/i18n.server";
import { getDashboard } from "../dashboard.server";
import { publicUrl } from "../outbox.server";
import { followStopUrl } from "./follow.server";

const GRACE_MS = () => env.PAPER_GRACE_HOURS * 3600_000;
const WEEK_MS = 7 * 86_400_000;

const isUniqueViolation = (e: unknown) => e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";

type Window = { from: Date; to: Date };

/** What happened in a commune in the window, before the village filter. */
async function communeNews(communeId: number, { from, to }: Window) {
  const graceMs = GRACE_MS();
  const [reports, answers, rounds] = await Promise.all([
    prisma.complaint.findMany({
      where: { communeId, mergedIntoId: null, createdAt: { gt: from, lte: to } },
      select: { category: true, text: true, publicText: true, village: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    prisma.complaintEvent.findMany({
      where: {
        public: true,
        kind: { in: ["reply", "status"] },
        body: { not: null },
        createdAt: { gt: from, lte: to },
        complaint: { communeId },
      },
      select: { body: true, complaint: { select: { category: true, text: true, publicText: true, village: true } } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    // Rounds that opened, or whose count became final, in the window (see countFinalAt).
    prisma.surveyRound.findMany({
      where: {
        approvedAt: { not: null },
        isDemo: false,
        communes: { some: { communeId } },
        OR: [
          { startsAt: { gt: from, lte: to } },
          { endsAt: { gt: new Date(from.getTime() - graceMs), lte: new Date(to.getTime() - graceMs) } },
        ],
      },
      select: { name: true, startsAt: true, endsAt: true },
    }),
  ]);
  return {
    reports: reports.map((r) => ({ category: r.category, text: r.publicText ?? r.text, village: r.village })),
    answers: answers.map((a) => ({
      body: a.body!,
      category: a.complaint.category,
      text: a.complaint.publicText ?? a.complaint.text,
      village: a.complaint.village,
    })),
    opened: rounds.filter((r) => r.startsAt > from && r.startsAt <= to).map((r) => r.name),
    final: rounds
      .filter((r) => {
        const at = countFinalAt(r, env.PAPER_GRACE_HOURS);
        return at > from && at <= to;
      })
      .map((r) => r.name),
  };
}

/**
 * The daily digests due at `now` (from NEWS_DIGEST_HOUR, Vietnam time): for every confirmed
 * follow, what happened since its last digest (or its confirmation). At most one per follow and
 * Vietnam day; nothing is written on a day without news. Returns the number of digests written.
 */
export async function composeDailyDigests({
  now = new Date(),
  digestHour = env.NEWS_DIGEST_HOUR,
}: { now?: Date; digestHour?: number } = {}): Promise<number> {
  const period = dailyPeriod(now, digestHour);
  if (!period) return 0;
  const follows = await prisma.areaFollow.findMany({
    where: { confirmedAt: { not: null }, messages: { none: { kind: "daily", period } } },
    select: { id: true, communeId: true, village: true, email: true, token: true, newsSince: true, confirmedAt: true },
    orderBy: { id: "asc" },
  });
  const t = getFixedT("vi", "news");
  const tc = getFixedT("vi", "complaint");
  const communes = new Map(
    (
      await prisma.commune.findMany({
        where: { id: { in: [...new Set(follows.map((f) => f.communeId))] } },
        select: { id: true, name: true, slug: true },
      })
    ).map((c) => [c.id, c]),
  );
  let written = 0;
  for (const f of follows) {
    const commune = communes.get(f.communeId);
    if (!commune) continue;
    const since = f.newsSince ?? f.confirmedAt!;
    const news = await communeNews(f.communeId, { from: since, to: now });
    const reports = news.reports.filter((r) => villageMatches(f.village, r.village));
    const answers = news.answers.filter((a) => villageMatches(f.village, a.village));
    const count = reports.length + answers.length + news.opened.length + news.final.length;
    if (count === 0) {
      await prisma.areaFollow.update({ where: { id: f.id }, data: { newsSince: now } });
      continue;
    }
    const area = f.village ? t("message.areaVillage", { village: f.village, commune: commune.name }) : commune.name;
    const cat = (c: string) => tc(`category.${c}`);
    const sections = [
      reports.length
        ? [t("digest.reports", { count: reports.length }), ...reports.map((r) => `- ${cat(r.category)}: ${excerpt(r.text)}`)]
        : [],
      answers.length
        ? [
            t("digest.answers", { count: answers.length }),
            ...answers.map(
              (a) => `- ${cat(a.category)}: ${excerpt(a.text, 80)}\n  ${t("digest.answer")} ${excerpt(a.body, 400)}`,
            ),
          ]
        : [],
      news.opened.map((name) => t("digest.roundOpened", { name })),
      news.final.map((name) => t("digest.roundFinal", { name })),
    ].filter((lines) => lines.length > 0);
    const stop = followStopUrl(f.token);
    const body = [
      t("message.greeting"),
      t("digest.intro", { area, day: vnIsoDay(now).split("-").reverse().join("/") }),
      ...sections.map((lines) => lines.join("\n")),
      t("digest.more", { url: `${publicUrl()}/c/${commune.slug}` }),
      `-- \n${t("message.signature")}\n${t("message.stop", { url: stop })}`,
    ].join("\n\n");
    try {
      await prisma.$transaction([
        prisma.newsMessage.create({
          data: {
            followId: f.id,
            kind: "daily",
            period,
            recipient: f.email,
            subject: t("digest.subject", { area, count }),
            body,
            stopUrl: stop,
            nextAttemptAt: now,
            createdAt: now,
          },
        }),
        prisma.areaFollow.update({ where: { id: f.id }, data: { newsSince: now } }),
      ]);
      written++;
    } catch (e) {
      // Another process wrote this follow's digest for the day first.
      if (!isUniqueViolation(e)) throw e;
    }
  }
  return written;
}

const AT_RISK_KEY = "news.councilAtRisk";
type AtRiskState = { period: string; ids: number[]; previous: number[] };

/**
 * The council members' weekly digests (period: the Monday of the Vietnam week). Communes newly at
 * risk (verdict "below" now, not in the previous week's digest; the first week lists all),
 * overdue reports per commune, rounds that closed in the last seven days.
 */
export async function composeCouncilDigests({
  now = new Date(),
  digestHour = env.NEWS_DIGEST_HOUR,
}: { now?: Date; digestHour?: number } = {}): Promise<number> {
  const period = weeklyPeriod(now, digestHour);
  if (!period) return 0;
  const members = await prisma.user.findMany({ where: { role: "council", active: true }, select: { id: true, email: true } });
  const due = [];
  for (const m of members)
    if ((await prisma.newsMessage.count({ where: { userId: m.id, kind: "weekly", period } })) === 0) due.push(m);
  if (due.length === 0) return 0;

  const dashboard = await getDashboard({ now });
  const atRisk = dashboard.rows.filter((r) => r.verdict === "below");
  const row = await prisma.setting.findUnique({ where: { key: AT_RISK_KEY }, select: { value: true } });
  const stored = row ? (JSON.parse(row.value) as AtRiskState) : null;
  const previous = stored ? (stored.period === period ? stored.previous : stored.ids) : [];
  const value = JSON.stringify({ period, ids: atRisk.map((r) => r.id), previous } satisfies AtRiskState);
  await prisma.setting.upsert({ where: { key: AT_RISK_KEY }, create: { key: AT_RISK_KEY, value }, update: { value } });
  const newly = atRisk.filter((r) => !previous.includes(r.id));
  const overdue = dashboard.rows
    .filter((r) => r.complaints.overdue > 0)
    .sort((a, b) => b.complaints.overdue - a.complaints.overdue);
  const closed = await prisma.surveyRound.findMany({
    where: { approvedAt: { not: null }, isDemo: false, endsAt: { gt: new Date(now.getTime() - WEEK_MS), lte: now } },
    select: { name: true, endsAt: true, _count: { select: { communes: true } } },
    orderBy: { endsAt: "asc" },
  });

  const t = getFixedT("vi", "news");
  const week = period.split("-").reverse().join("/");
  const body = [
    t("council.intro", { week }),
    [t("council.atRisk", { count: newly.length }), ...newly.map((r) => `- ${r.name} (${r.formerUnit})`)].join("\n"),
    [t("council.overdue", { count: overdue.length }), ...overdue.map((r) => `- ${r.name}: ${r.complaints.overdue}`)].join("\n"),
    [
      t("council.closed", { count: closed.length }),
      ...closed.map((r) => `- ${r.name} (${t("council.communes", { count: r._count.communes })})`),
    ].join("\n"),
    t("council.more", { url: `${publicUrl()}/staff/council` }),
  ].join("\n\n");
  const subject = t("council.subject", { week });
  let written = 0;
  for (const m of due) {
    try {
      await prisma.newsMessage.create({
        data: { userId: m.id, kind: "weekly", period, recipient: m.email, subject, body, nextAttemptAt: now, createdAt: now },
      });
      written++;
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
    }
  }
  return written;
}
