import { cached } from "~/utils/cache.server";
import { prisma } from "~/utils/db.server";
import type { Threshold } from "~/lib/score";
import { isRural } from "~/lib/rural";
import { recordChange } from "./audit.server";
import { getDefaultThreshold, SETTING_KEYS, settingWrites } from "./setting.server";

/** What every query returns about a level: its names and the thresholds it is judged by. */
const levelSelect = {
  key: true,
  period: true,
  nameVi: true,
  nameEn: true,
  thresholdShare: true,
  minSample: true,
  coverageShare: true,
} as const;

/**
 * The threshold a commune (or a round) is judged against: its recognition level's share and
 * minimum sample, or the default one (settings) when there is no level. The one place of this rule.
 */
export function thresholdFor(
  level: { thresholdShare: number; minSample: number } | null | undefined,
  defaults: Threshold,
): Threshold {
  return level ? { share: level.thresholdShare, minSample: level.minSample } : defaults;
}

/** Every commune's standing recognition (the latest decision not revoked), read once per change. */
function standingRecognitions() {
  return cached("recognitions", ["reference"], async () => {
    const rows = await prisma.recognition.findMany({
      where: { revokedOn: null },
      orderBy: [{ decidedOn: "asc" }, { id: "asc" }],
      select: {
        id: true,
        communeId: true,
        decisionNumber: true,
        decidedOn: true,
        isDemo: true,
        level: { select: levelSelect },
      },
    });
    return new Map(rows.map((r) => [r.communeId, r])); // later rows (newer) overwrite earlier ones
  });
}

/** The commune's standing recognition: the latest decision that has not been revoked. */
export async function getCurrentRecognition({ communeId }: { communeId: number }) {
  const r = (await standingRecognitions()).get(communeId);
  if (!r) return null;
  const { communeId: _c, ...rest } = r;
  return { ...rest, level: { ...rest.level } };
}

export type CurrentRecognition = NonNullable<Awaited<ReturnType<typeof getCurrentRecognition>>>;

/** The threshold a commune is judged against: its level's, or the default when not recognised. */
export async function getThresholdFor(recognition: CurrentRecognition | null): Promise<Threshold> {
  return thresholdFor(recognition?.level, await getDefaultThreshold());
}

export async function listLevels() {
  const levels = await cached("levels", ["reference"], () =>
    prisma.recognitionLevel.findMany({
      orderBy: [{ period: "asc" }, { rank: "asc" }],
      select: { id: true, ...levelSelect },
    }),
  );
  return levels.map((l) => ({ ...l }));
}

export type LevelThresholds = { id: number; thresholdShare: number; minSample: number; coverageShare: number };

/** Every level's thresholds and the default one (communes not recognised), in one transaction. */
export async function saveThresholds({
  levels,
  defaults,
  actorId,
}: {
  levels: LevelThresholds[];
  defaults: Threshold;
  actorId: number | null;
}): Promise<{ ok: true }> {
  const [oldLevels, oldDefaults] = await Promise.all([
    prisma.recognitionLevel.findMany({ select: { id: true, thresholdShare: true, minSample: true, coverageShare: true } }),
    getDefaultThreshold(),
  ]);
  const asRecord = (ls: LevelThresholds[], d: Threshold) => ({
    default: { share: d.share, minSample: d.minSample },
    ...Object.fromEntries(
      ls.map((l) => [`level${l.id}`, { share: l.thresholdShare, minSample: l.minSample, coverage: l.coverageShare }]),
    ),
  });
  await prisma.$transaction([
    recordChange(prisma, {
      actorId,
      action: "settings_changed",
      subject: "thresholds",
      before: asRecord(oldLevels, oldDefaults),
      after: asRecord(levels, defaults),
    }),
    ...levels.map((l) =>
      prisma.recognitionLevel.update({
        where: { id: l.id },
        data: { thresholdShare: l.thresholdShare, minSample: l.minSample, coverageShare: l.coverageShare },
      }),
    ),
    ...settingWrites({
      [SETTING_KEYS.defaultThresholdShare]: String(defaults.share),
      [SETTING_KEYS.defaultMinSample]: String(defaults.minSample),
    }),
  ]);
  return { ok: true };
}

/** A decision as the history lists show it: number, date, and its revocation if any. */
const decisionSelect = {
  id: true,
  decisionNumber: true,
  decidedOn: true,
  revokedOn: true,
  revokedReason: true,
  isDemo: true,
} as const;

export function listRecentRecognitions({ take = 50 }: { take?: number } = {}) {
  return prisma.recognition.findMany({
    orderBy: [{ decidedOn: "desc" }, { id: "desc" }],
    take,
    select: {
      ...decisionSelect,
      commune: { select: { name: true, slug: true } },
      level: { select: { nameVi: true, nameEn: true, period: true } },
    },
  });
}

export type RecogniseResult =
  | { ok: true; id: number }
  | { ok: false; field: "communeId" | "levelId"; reason: "unknownCommune" | "wardNotRecognised" | "unknownLevel" };

/**
 * Records an official recognition decision. Only communes are recognised under the NTM
 * programme: wards (phường) never are, whatever the form sends.
 */
export async function recogniseCommune(data: {
  communeId: number;
  levelId: number;
  decisionNumber: string;
  decidedOn: Date;
}): Promise<RecogniseResult> {
  const [level, commune] = await Promise.all([
    prisma.recognitionLevel.findUnique({ where: { id: data.levelId }, select: { id: true } }),
    prisma.commune.findUnique({ where: { id: data.communeId }, select: { kind: true } }),
  ]);
  if (!level) return { ok: false, field: "levelId", reason: "unknownLevel" };
  if (!commune) return { ok: false, field: "communeId", reason: "unknownCommune" };
  if (!isRural(commune.kind)) return { ok: false, field: "communeId", reason: "wardNotRecognised" };
  const { id } = await prisma.recognition.create({ data, select: { id: true } });
  return { ok: true, id };
}

/** Revokes a standing decision; a decision already revoked stays as it was. */
export async function revokeRecognition({
  id,
  reason,
  on = new Date(),
}: {
  id: number;
  reason: string;
  on?: Date;
}): Promise<{ ok: true } | { ok: false; reason: "alreadyRevoked" }> {
  const updated = await prisma.recognition.updateMany({
    where: { id, revokedOn: null },
    data: { revokedOn: on, revokedReason: reason },
  });
  return updated.count === 1 ? { ok: true } : { ok: false, reason: "alreadyRevoked" };
}

/** The standing recognition of every commune: communeId -> latest decision not revoked. */
export async function currentRecognitionsByCommune() {
  const all = await standingRecognitions();
  return new Map(
    [...all].map(([communeId, { id: _id, ...r }]) => [communeId, { ...r, communeId, level: { ...r.level } }] as const),
  );
}

export function listRecognitionHistory({ communeId }: { communeId: number }) {
  return prisma.recognition.findMany({
    where: { communeId },
    orderBy: [{ decidedOn: "desc" }, { id: "desc" }],
    select: {
      ...decisionSelect,
      level: { select: { key: true, period: true, nameVi: true, nameEn: true } },
    },
  });
}
