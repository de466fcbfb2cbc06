// Privacy settings an administrator can change: retention per kind of data and who the controller
// is (the commune People's Committee or the city department). Defaults in app/lib/privacy.ts.
import { z } from "zod";
import {
  CONTROLLERS,
  RETENTION_BOUNDS,
  RETENTION_DEFAULTS,
  RETENTION_KEYS,
  type Controller,
  type RetentionSettings,
} from "~/lib/privacy";
import { prisma } from "~/utils/db.server";

const KEY = (k: keyof RetentionSettings) => `privacy.retention.${k}`;
const CONTROLLER_KEY = "privacy.controller";
const CONTROLLER_NAME_KEY = "privacy.controllerName";

const storedDays = z.coerce.number().int().min(RETENTION_BOUNDS.min).max(RETENTION_BOUNDS.max);

async function readAll(): Promise<Map<string, string>> {
  const rows = await prisma.setting.findMany({ where: { key: { startsWith: "privacy." } }, select: { key: true, value: true } });
  return new Map(rows.map((r) => [r.key, r.value]));
}

export async function getRetentionSettings(): Promise<RetentionSettings> {
  const all = await readAll();
  return Object.fromEntries(
    RETENTION_KEYS.map((k) => {
      const parsed = storedDays.safeParse(all.get(KEY(k)) ?? RETENTION_DEFAULTS[k]);
      return [k, parsed.success ? parsed.data : RETENTION_DEFAULTS[k]];
    }),
  ) as RetentionSettings;
}

export type ControllerSetting = { controller: Controller; name: string };

/** Who decides on the processing (the privacy page names it). Default: the commune's People's Committee. */
export async function getController(): Promise<ControllerSetting> {
  const all = await readAll();
  const stored = all.get(CONTROLLER_KEY);
  const controller = CONTROLLERS.find((c) => c === stored) ?? "commune";
  return { controller, name: all.get(CONTROLLER_NAME_KEY) ?? "" };
}

export async function savePrivacySettings({
  retention,
  controller,
}: {
  retention: RetentionSettings;
  controller: ControllerSetting;
}): Promise<{ ok: true }> {
  const values: [string, string][] = [
    ...RETENTION_KEYS.map((k): [string, string] => [KEY(k), String(retention[k])]),
    [CONTROLLER_KEY, controller.controller],
    [CONTROLLER_NAME_KEY, controller.name],
  ];
  await prisma.$transaction(
    values.map(([key, value]) => prisma.setting.upsert({ where: { key }, create: { key, value }, update: { value } })),
  );
  return { ok: true };
}
