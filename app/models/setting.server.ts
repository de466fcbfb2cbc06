import { z } from "zod";
import { INTEGRITY_BOUNDS, INTEGRITY_DEFAULTS, INTEGRITY_KEYS, type IntegrityThresholds } from "~/lib/integrity";
import { DEFAULT_THRESHOLD, THRESHOLD_BOUNDS, type Threshold } from "~/lib/score";
import { cached } from "~/utils/cache.server";
import { recordChange } from "./audit.server";
import { prisma } from "~/utils/db.server";

export const SETTING_KEYS = {
  defaultThresholdShare: "threshold.default.share",
  defaultMinSample: "threshold.default.minSample",
  demoData: "demo.loaded",
  fixCheckWeeks: "fixCheck.weeks",
} as const;

/** The integrity thresholds' keys: "integrity.<name>" for each of INTEGRITY_KEYS. */
type IntegrityKey = `integrity.${keyof IntegrityThresholds}`;

/** All settings (a handful of rows), read once per change of reference data. */
async function readSetting(key: string): Promise<string | null> {
  const all = await cached("settings", ["reference"], async () => {
    const rows = await prisma.setting.findMany({ select: { key: true, value: true } });
    return new Map(rows.map((r) => [r.key, r.value]));
  });
  return all.get(key) ?? null;
}

// Built once: zod compiles a schema on its first parse, and the dashboard reads these often.
const { share: SHARE, minSample: MIN_SAMPLE } = THRESHOLD_BOUNDS;
const storedShare = z.coerce.number().min(SHARE.min).max(SHARE.max).catch(DEFAULT_THRESHOLD.share);
const storedMinSample = z.coerce.number().int().min(MIN_SAMPLE.min).max(MIN_SAMPLE.max).catch(DEFAULT_THRESHOLD.minSample);

export async function getDefaultThreshold(): Promise<Threshold> {
  const [share, minSample] = await Promise.all([
    readSetting(SETTING_KEYS.defaultThresholdShare),
    readSetting(SETTING_KEYS.defaultMinSample),
  ]);
  return {
    share: storedShare.parse(share ?? DEFAULT_THRESHOLD.share),
    minSample: storedMinSample.parse(minSample ?? DEFAULT_THRESHOLD.minSample),
  };
}

/** Weeks after a resolution when the resident is asked "is it fixed?" (issue 24): 1 to 26, default 4. */
export const FIX_CHECK_WEEKS_DEFAULT = 4;
const storedWeeks = z.coerce.number().int().min(1).max(26).catch(FIX_CHECK_WEEKS_DEFAULT);
export async function getFixCheckWeeks(): Promise<number> {
  return storedWeeks.parse((await readSetting(SETTING_KEYS.fixCheckWeeks)) ?? FIX_CHECK_WEEKS_DEFAULT);
}

/** The "is it fixed?" delay, as an administrator sets it (1-26 weeks); audited with before and after. */
export async function saveFixCheckWeeks(weeks: number, { actorId }: { actorId: number | null }): Promise<{ ok: true }> {
  const before = await getFixCheckWeeks();
  await prisma.$transaction([
    ...settingWrites({ [SETTING_KEYS.fixCheckWeeks]: String(weeks) }),
    recordChange(prisma, {
      actorId,
      action: "settings_changed",
      subject: "fixCheck",
      before: { weeks: before },
      after: { weeks },
    }),
  ]);
  return { ok: true };
}

/** True when the database holds generated demo data, which every page must then say. */
export async function isDemoData(): Promise<boolean> {
  return (await readSetting(SETTING_KEYS.demoData)) === "true";
}

type SettingValues = Partial<Record<(typeof SETTING_KEYS)[keyof typeof SETTING_KEYS] | IntegrityKey, string>>;

/** The writes for some settings, to run in a caller's transaction. */
export function settingWrites(values: SettingValues) {
  return Object.entries(values).map(([key, value]) =>
    prisma.setting.upsert({ where: { key }, create: { key, value: value! }, update: { value: value! } }),
  );
}

export async function writeSettings(values: SettingValues) {
  await prisma.$transaction(settingWrites(values));
}

/** The integrity report's thresholds and the re-check margin (settings; defaults in lib/integrity). */
export async function getIntegrityThresholds(): Promise<IntegrityThresholds> {
  const values = await Promise.all(INTEGRITY_KEYS.map((k) => readSetting(`integrity.${k}`)));
  return Object.fromEntries(
    INTEGRITY_KEYS.map((k, i) => {
      const stored = storedIntegrity.safeParse(values[i] ?? INTEGRITY_DEFAULTS[k]);
      return [k, stored.success ? stored.data : INTEGRITY_DEFAULTS[k]];
    }),
  ) as IntegrityThresholds;
}

// Built once, like the threshold schemas above; an unreadable value falls back to the default.
const storedIntegrity = z.coerce.number().min(INTEGRITY_BOUNDS.min).max(INTEGRITY_BOUNDS.max);

/** The integrity thresholds, as an administrator sets them; audited with before and after (decision 036). */
export async function saveIntegrityThresholds(
  values: IntegrityThresholds,
  { actorId }: { actorId: number | null },
): Promise<{ ok: true }> {
  const before = await getIntegrityThresholds();
  await prisma.$transaction([
    ...settingWrites(
      Object.fromEntries(INTEGRITY_KEYS.map((k): [IntegrityKey, string] => [`integrity.${k}`, String(values[k])])),
    ),
    recordChange(prisma, { actorId, action: "settings_changed", subject: "integrity", before, after: { ...values } }),
  ]);
  return { ok: true };
}
