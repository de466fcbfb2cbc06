import { prisma } from "~/utils/db.server";
import type { Threshold } from "~/lib/score";
import { getDefaultThreshold } from "./setting.server";

/** The commune's standing recognition: the latest decision that has not been revoked. */
export function getCurrentRecognition({ communeId }: { communeId: number }) {
  return prisma.recognition.findFirst({
    where: { communeId, revokedOn: null },
    orderBy: [{ decidedOn: "desc" }, { id: "desc" }],
    select: {
      id: true,
      decisionNumber: true,
      decidedOn: true,
      isDemo: true,
      level: {
        select: { key: true, period: true, nameVi: true, nameEn: true, thresholdShare: true, minSample: true },
      },
    },
  });
}

export type CurrentRecognition = NonNullable<Awaited<ReturnType<typeof getCurrentRecognition>>>;

/** The threshold a commune is judged against: its level's, or the default when not recognised. */
export async function getThresholdFor(recognition: CurrentRecognition | null): Promise<Threshold> {
  if (recognition) {
    return { share: recognition.level.thresholdShare, minSample: recognition.level.minSample };
  }
  return getDefaultThreshold();
}
