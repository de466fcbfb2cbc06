// The demo household register (decision 036): the villages and households of the demo communes,
// as an administrator would import them from the statistics office. The demo rounds take their
// households from it and the demo batches their villages.
import { importRegister } from "~/models/register.server";

/** [commune slug, village, households] */
export const DEMO_REGISTER = [
  ["vinh-bao", "Thôn Đông", 40],
  ["vinh-bao", "Thôn Tây", 30],
  ["vinh-bao", "Thôn Bắc", 560],
  ["vinh-bao", "Thôn Nam", 570],
  ["tien-lang", "Thôn Nam", 25],
  ["tien-lang", "Thôn Đông", 425],
  ["tien-lang", "Thôn Bắc", 500],
  ["cam-giang", "Thôn Bắc", 60],
  ["cam-giang", "Thôn Nam", 20],
] as const;

/** Households of a demo commune in the demo register. */
export const demoHouseholds = (slug: string) => DEMO_REGISTER.filter(([s]) => s === slug).reduce((sum, [, , n]) => sum + n, 0);

export async function seedDemoRegister({ now = new Date() } = {}) {
  const result = await importRegister({
    actorId: null,
    source: "Cục Thống kê thành phố Hải Phòng (demo)",
    sourceDate: now,
    rows: DEMO_REGISTER.map(([commune, village, households], i) => ({ commune, village, households, line: i + 2 })),
    isDemo: true,
  });
  if (!result.ok) throw new Error(`demo register: ${result.reason} (line ${result.line})`);
  return result;
}
