import { z } from "zod";
import type { Threshold } from "~/lib/score";
import { cached } from "~/utils/cache.server";
import { prisma } from "~/utils/db.server";

export const SETTING_KEYS = {
  defaultThresholdShare: "threshold.default.share",
  defaultMinSample: "threshold.default.minSample",
  demoData: "demo.loaded",
} as const;

/** All settings (a handful of rows), read once per change of reference data. */
async function readSetting(key: string): Promise<string | null> {
  const all = await cached("settings", ["reference"], async () => {
    const rows = await prisma.setting.findMany({ select: { key: true, value: true } });
    return new Map(rows.map((r) => [r.key, r.value]));
  });
  return all.get(key) ?? null;
}

export async function getDefaultThreshold(): Promise<Threshold> {
  const [share, minSample] = await Promise.all([
    readSetting(SETTING_KEYS.defaultThresholdShare),
    readSetting(SETTING_KEYS.defaultMinSample),
  ]);
  return {
    share: z.coerce
      .number()
      .min(0)
      .max(1)
      .catch(0.9)
      .parse(share ?? 0.9),
    minSample: z.coerce
      .number()
      .int()
      .min(1)
      .catch(30)
      .parse(minSample ?? 30),
  };
}

/** True when the database holds generated demo data, which every page must then say. */
export async function isDemoData(): Promise<boolean> {
  return (await readSetting(SETTING_KEYS.demoData)) === "true";
}

export async function writeSettings(values: Partial<Record<(typeof SETTING_KEYS)[keyof typeof SETTING_KEYS], string>>) {
  await prisma.$transaction(
    Object.entries(values).map(([key, value]) =>
      prisma.setting.upsert({ where: { key }, create: { key, value: value! }, update: { value: value! } }),
    ),
  );
}
