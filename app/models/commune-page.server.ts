// What the public commune page shows about reports, kept in memory per commune until a report,
// a reply or a photo changes (in any process), and at most a minute (overdue counts and median
// days depend on the clock). The page is the one residents open from the notice-board QR code.
import { cached } from "~/utils/cache.server";
import { complaintStats } from "./complaint/stats.server";
import { listRecentPublicComplaints } from "./complaint/public.server";

export async function getPublicComplaints({
  communeId,
  take = 10,
  now = new Date(),
}: {
  communeId: number;
  take?: number;
  now?: Date;
}) {
  const [recent, counts] = await cached(
    `publicComplaints:${communeId}`,
    ["complaints", "reference"],
    () => Promise.all([listRecentPublicComplaints({ communeId, take }), complaintStats({ communeId, now })]),
    `${take}/${Math.floor(now.getTime() / 60_000)}`,
  );
  return { recent, counts };
}
