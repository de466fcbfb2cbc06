// Demo household ballots (issue 10): an open pre-recognition round for Vĩnh Bảo and Tiên Lãng with
// codes required, one sealed batch per village. The codes are derived from the published demo key
// (utils/ballot-crypto.server.ts), so the README's list of demo codes is true on every install.
import { formatCode } from "~/lib/ballot-code";
import { generateBatch, sealBatch } from "~/models/ballot.server";
import { createRound } from "~/models/round.server";
import { deriveCodes, demoBatchSeed } from "~/utils/ballot-crypto.server";
import { prisma } from "~/utils/db.server";
import { demoHouseholds } from "./register";

export const DEMO_ROUND_NAME = "Lấy ý kiến trước công nhận NTM nâng cao 2026 (demo)";

/** [commune, village, households of the village (as in the demo register), codes] */
export const DEMO_BATCHES = [
  ["vinh-bao", "Thôn Đông", 40, 40],
  ["vinh-bao", "Thôn Tây", 30, 30],
  ["tien-lang", "Thôn Nam", 25, 25],
] as const;

/** The demo codes of a village, in slip order (what the README lists). */
export function demoCodes(slug: string, village: string, count: number): string[] {
  return deriveCodes(demoBatchSeed(slug, village), count).map(formatCode);
}

export async function seedDemoBallots({ now = new Date() } = {}) {
  const level = await prisma.recognitionLevel.findUniqueOrThrow({ where: { key: "2021-2025/nang-cao" } });
  const communes = await prisma.commune.findMany({
    where: { slug: { in: ["vinh-bao", "tien-lang"] } },
    select: { id: true, slug: true },
  });
  const id = (slug: string) => communes.find((c) => c.slug === slug)!.id;
  const round = await createRound({
    name: DEMO_ROUND_NAME,
    purpose: "pre_recognition",
    levelId: level.id,
    startsAt: new Date(now.getTime() - 7 * 86_400_000),
    endsAt: new Date(now.getTime() + 90 * 86_400_000),
    codesRequired: true,
    createdById: null,
    isDemo: true,
    communes: [
      { communeId: id("vinh-bao"), households: demoHouseholds("vinh-bao") },
      { communeId: id("tien-lang"), households: demoHouseholds("tien-lang") },
    ],
  });
  let codes = 0;
  for (const [slug, village, , count] of DEMO_BATCHES) {
    const made = await generateBatch({
      actorId: null,
      roundId: round.id,
      communeId: id(slug),
      village,
      count,
      now,
      seed: demoBatchSeed(slug, village),
      isDemo: true,
    });
    if (!made.ok) throw new Error(`demo batch ${slug}/${village}: ${made.reason}`);
    await sealBatch({ id: made.batchId, roundId: round.id, communeId: id(slug), actorId: null, now });
    codes += count;
  }
  return { roundId: round.id, codes };
}

// `npx tsx prisma/seed/ballots.ts --list`: the demo codes, for the README.
if (process.argv.includes("--list")) {
  for (const [slug, village, , count] of DEMO_BATCHES) console.log(slug, village, demoCodes(slug, village, count).join(" "));
  await prisma.$disconnect();
}
