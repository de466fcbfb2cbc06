// Following a commune (or one of its villages) by e-mail (issue 24, decision 043). Double opt-in:
// the follow is written with one confirmation message; nothing else is sent until the link in it
// is opened and confirmed. Stopping erases the follow and its messages. The e-mail never leaves
// this module except as a message's recipient.
import crypto from "node:crypto";
import { normaliseEmail } from "~/lib/contact";
import { confirmDeadline } from "~/lib/news";
import { PRIVACY_NOTICE_VERSION } from "~/lib/privacy";
import { prisma } from "~/utils/db.server";
import { getFixedT } from "~/utils/i18n.server";
import { publicUrl } from "../outbox.server";

export const followConfirmUrl = (token: string) => `${publicUrl()}/news/confirm/${token}`;
export const followStopUrl = (token: string) => `${publicUrl()}/news/stop/${token}`;

const newToken = () => crypto.randomBytes(24).toString("base64url");

/**
 * Someone asks for the news of a commune (village "" = all of it) and ticked the consent box. A
 * confirmed follow is left as it is (the answer is the same, so the form tells nobody who follows
 * what); an unconfirmed one gets a fresh link and a new confirmation message.
 */
export async function followArea({
  communeId,
  village,
  email,
  now = new Date(),
}: {
  communeId: number;
  village: string;
  email: string;
  now?: Date;
}): Promise<{ sent: boolean }> {
  const address = normaliseEmail(email);
  const commune = await prisma.commune.findUniqueOrThrow({ where: { id: communeId }, select: { name: true } });
  return prisma.$transaction(async (tx) => {
    const key = { communeId_village_email: { communeId, village, email: address } };
    const existing = await tx.areaFollow.findUnique({ where: key, select: { id: true, confirmedAt: true } });
    if (existing?.confirmedAt) return { sent: false };
    const token = newToken();
    const data = { token, noticeVersion: PRIVACY_NOTICE_VERSION, createdAt: now, confirmBy: confirmDeadline(now) };
    const follow = existing
      ? await tx.areaFollow.update({ where: { id: existing.id }, data, select: { id: true } })
      : await tx.areaFollow.create({ data: { communeId, village, email: address, ...data }, select: { id: true } });
    const t = getFixedT("vi", "news");
    const area = village ? t("message.areaVillage", { village, commune: commune.name }) : commune.name;
    await tx.newsMessage.create({
      data: {
        followId: follow.id,
        kind: "confirm",
        recipient: address,
        subject: t("message.confirmSubject", { area }),
        body: [
          t("message.greeting"),
          t("message.confirmIntro", { area }),
          t("message.confirmLink", { url: followConfirmUrl(token) }),
          t("message.confirmIgnore"),
          `-- \n${t("message.signature")}\n${t("message.stop", { url: followStopUrl(token) })}`,
        ].join("\n\n"),
        stopUrl: followStopUrl(token),
        nextAttemptAt: now,
        createdAt: now,
      },
    });
    return { sent: true };
  });
}

/** What a link is about (never the e-mail): for the confirm and stop pages. */
export async function getFollowByToken({ token, now = new Date() }: { token: string; now?: Date }) {
  const f = await prisma.areaFollow.findUnique({
    where: { token },
    select: { communeId: true, village: true, confirmedAt: true, confirmBy: true },
  });
  if (!f) return null;
  const commune = await prisma.commune.findUnique({ where: { id: f.communeId }, select: { name: true, slug: true } });
  return {
    commune: commune?.name ?? "",
    slug: commune?.slug ?? "",
    village: f.village,
    confirmed: f.confirmedAt !== null,
    expired: f.confirmedAt === null && f.confirmBy < now,
  };
}

/** The click on the confirmation link: news starts from now. Expired or unknown links confirm nothing. */
export async function confirmFollow({
  token,
  now = new Date(),
}: {
  token: string;
  now?: Date;
}): Promise<{ ok: true } | { ok: false; reason: "notFound" | "expired" }> {
  const f = await prisma.areaFollow.findUnique({ where: { token }, select: { id: true, confirmedAt: true, confirmBy: true } });
  if (!f) return { ok: false, reason: "notFound" };
  if (f.confirmedAt) return { ok: true };
  if (f.confirmBy < now) return { ok: false, reason: "expired" };
  await prisma.areaFollow.update({ where: { id: f.id }, data: { confirmedAt: now, newsSince: now } });
  return { ok: true };
}

/** "Stop": the follow, its e-mail and its messages (sent or waiting) are erased. */
export async function stopFollow({ token }: { token: string }): Promise<boolean> {
  const { count } = await prisma.areaFollow.deleteMany({ where: { token } });
  return count > 0;
}
