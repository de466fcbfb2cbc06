// A demo notice (issue 24, decision 039): Vĩnh Bảo's water cut, posted by the commune's demo
// official through the same use case as the staff page (audited), current for 30 days from the
// seed. Demo only: removed with the demo accounts (--reset).
import { vnIsoDay } from "~/lib/vn-time";
import { postNotice } from "~/models/notice.server";
import { prisma } from "~/utils/db.server";

export const DEMO_NOTICE_TEXT =
  "Cắt nước sạch thôn Đông và thôn Nam để thay đường ống chính, từ 8 giờ đến 17 giờ các ngày thứ Bảy. Bà con chủ động trữ nước.";

export async function seedDemoNotice(): Promise<void> {
  const official = await prisma.user.findUnique({ where: { email: "vinhbao@demo.ntm.local" }, select: { id: true } });
  const commune = await prisma.commune.findUnique({ where: { slug: "vinh-bao" }, select: { id: true } });
  if (!official || !commune) return;
  const now = new Date();
  const posted = await postNotice({
    communeId: commune.id,
    text: DEMO_NOTICE_TEXT,
    startDay: vnIsoDay(now),
    endDay: vnIsoDay(new Date(now.getTime() + 29 * 86_400_000)),
    actorId: official.id,
    now,
  });
  if (!posted.ok) throw new Error(`demo notice: ${posted.key}`);
}

/** The demo accounts' notices (AreaNotice has no demo flag: its author is a demo account). */
export async function removeDemoNotices(): Promise<void> {
  const demoUsers = await prisma.user.findMany({ where: { isDemo: true }, select: { id: true } });
  await prisma.areaNotice.deleteMany({ where: { createdById: { in: demoUsers.map((u) => u.id) } } });
}
