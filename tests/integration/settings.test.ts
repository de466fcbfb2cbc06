// The administrators' rules that live in the models: recognitions (wards are never recognised),
// thresholds (one transaction, the same bounds as when read), staff accounts (communes by role).
import { beforeAll, describe, expect, it } from "vitest";
import { action as recognitionsAction } from "~/routes/staff.settings.recognitions";
import { action as thresholdsAction } from "~/routes/staff.settings.thresholds";
import { action as usersAction } from "~/routes/staff.users._index";
import { action as userAction } from "~/routes/staff.users.$id";
import { action as complaintSettingsAction, loader as complaintSettingsLoader } from "~/routes/staff.settings.complaints";
import { getDefaultThreshold, getFixCheckWeeks } from "~/models/setting.server";
import { prisma } from "~/utils/db.server";
import { context, formRequest, getRequest, settle } from "../fixtures/http";
import { createStaff, signIn } from "../fixtures/staff";

let admin = "";
let adminId = 0;
beforeAll(async () => {
  const a = await createStaff("admin");
  adminId = a.id;
  admin = await signIn(a.email);
});

const post = (action: typeof usersAction, path: string, body: Record<string, string | string[]>, params = {}) =>
  settle(() => action({ request: formRequest(path, body, { cookie: admin }), params, context: context() }));

describe("recognitions", () => {
  it("refuses to recognise a ward even when the form is forged, and writes nothing", async () => {
    const ward = await prisma.commune.findFirstOrThrow({ where: { kind: "phuong" } });
    const level = await prisma.recognitionLevel.findFirstOrThrow();
    const before = await prisma.recognition.count();
    const res = await post(recognitionsAction, "/staff/settings/recognitions", {
      intent: "recognise",
      communeId: String(ward.id),
      levelId: String(level.id),
      decisionNumber: "QĐ-1/2026",
      decidedOn: "2026-01-15",
    });
    expect(res.status).toBe(400);
    expect((await res.json()).fieldErrors).toEqual({ communeId: "errors.invalid" });
    expect(await prisma.recognition.count()).toBe(before);
  });

  it("revokes once; a second revocation is a 409", async () => {
    const commune = await prisma.commune.findFirstOrThrow({ where: { kind: "xa" } });
    const level = await prisma.recognitionLevel.findFirstOrThrow();
    const { id } = await prisma.recognition.create({
      data: { communeId: commune.id, levelId: level.id, decisionNumber: "QĐ-2/2026", decidedOn: new Date() },
    });
    const body = { intent: "revoke", recognitionId: String(id), reason: "Không còn đạt chuẩn" };
    expect((await post(recognitionsAction, "/staff/settings/recognitions", body)).status).toBe(303);
    const again = await post(recognitionsAction, "/staff/settings/recognitions", body);
    expect(again.status).toBe(409);
    expect((await again.json()).formError).toBe("alreadyRevoked");
  });
});

describe("thresholds", () => {
  it("refuses a minimum sample under 5 for any level and changes nothing, not even the valid rows", async () => {
    const levels = await prisma.recognitionLevel.findMany({ orderBy: { id: "asc" } });
    const defaultBefore = await getDefaultThreshold();
    const body: Record<string, string> = { intent: "thresholds", share_default: "80", sample_default: "40" };
    for (const l of levels) {
      body[`share_${l.id}`] = "50";
      body[`sample_${l.id}`] = "40";
      body[`coverage_${l.id}`] = "50";
    }
    body[`sample_${levels[levels.length - 1].id}`] = "4";
    const res = await post(thresholdsAction, "/staff/settings/thresholds", body);
    expect(res.status).toBe(400);
    expect((await res.json()).fieldErrors).toEqual({ [`sample_${levels[levels.length - 1].id}`]: "errors.sample" });
    expect(await prisma.recognitionLevel.findMany({ orderBy: { id: "asc" } })).toEqual(levels);
    expect(await getDefaultThreshold()).not.toEqual({ share: 0.8, minSample: 40 });
    expect(defaultBefore).not.toEqual({ share: 0.8, minSample: 40 });
    expect(await getDefaultThreshold()).toEqual(defaultBefore);
  });

  it("reads back a stored minimum sample under 5 as the default, the bound used when saving", async () => {
    await prisma.setting.upsert({
      where: { key: "threshold.default.minSample" },
      create: { key: "threshold.default.minSample", value: "2" },
      update: { value: "2" },
    });
    expect((await getDefaultThreshold()).minSample).toBe(30);
  });
});

describe("staff accounts", () => {
  it("needs a commune for an official, and keeps none for other roles", async () => {
    const commune = await prisma.commune.findFirstOrThrow({ where: { kind: "xa" } });
    const base = { name: "Cán bộ mới", password: "a long enough password" };
    const official = await post(usersAction, "/staff/users", { ...base, email: "o@test.local", role: "official" });
    expect(official.status).toBe(400);
    expect((await official.json()).fieldErrors).toEqual({ communes: "errors.communesRequired" });

    const council = await post(usersAction, "/staff/users", {
      ...base,
      email: "c@test.local",
      role: "council",
      communes: [String(commune.id)],
    });
    expect(council.status).toBe(303);
    const created = await prisma.user.findUniqueOrThrow({ where: { email: "c@test.local" }, include: { communes: true } });
    expect(created.communes).toEqual([]);

    // Turning them into an official without a commune is refused too; with one, it is kept.
    const path = `/staff/users/${created.id}`;
    const params = { id: String(created.id) };
    const none = await post(userAction, path, { intent: "update", name: "X", role: "official", active: "1" }, params);
    expect((await none.json()).fieldErrors).toEqual({ communes: "errors.communesRequired" });
    const unknown = await post(
      userAction,
      path,
      { intent: "update", name: "X", role: "official", active: "1", communes: ["999999"] },
      params,
    );
    expect((await unknown.json()).fieldErrors).toEqual({ communes: "errors.invalid" });
    const ok = await post(
      userAction,
      path,
      { intent: "update", name: "X", role: "official", active: "1", communes: [String(commune.id)] },
      params,
    );
    expect(ok.status).toBe(303);
    expect((await prisma.userCommune.findMany({ where: { userId: created.id } })).map((c) => c.communeId)).toEqual([commune.id]);
  });

  it("does not let an administrator take away their own access", async () => {
    const res = await post(
      userAction,
      `/staff/users/${adminId}`,
      { intent: "update", name: "Admin", role: "council", active: "1" },
      { id: String(adminId) },
    );
    expect(res.status).toBe(400);
    expect((await res.json()).formError).toBe("selfLockout");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: adminId } })).role).toBe("admin");
  });
});

describe("the 'is it fixed?' delay (issue 24)", () => {
  const path = "/staff/settings/complaints";
  const fixCheckAudits = () =>
    prisma.auditEvent.findMany({ where: { action: "settings_changed", detail: { contains: '"subject":"fixCheck"' } } });

  it("refuses 0, 27, 2.5 and words with a message next to the field, keeps the input and changes nothing", async () => {
    const weeksBefore = await getFixCheckWeeks();
    const auditsBefore = (await fixCheckAudits()).length;
    for (const value of ["0", "27", "2.5", "bốn", ""]) {
      const res = await post(complaintSettingsAction, path, { intent: "fixCheck", fixCheckWeeks: value });
      expect(res.status, value).toBe(400);
      const body = await res.json();
      expect(body.fieldErrors).toEqual({ fixCheckWeeks: "fixCheckSettings.error" });
      expect(body.values.fixCheckWeeks).toBe(value);
    }
    expect(await getFixCheckWeeks()).toBe(weeksBefore);
    expect((await fixCheckAudits()).length).toBe(auditsBefore);
  });

  it("saves a delay from 1 to 26 weeks, shows it on the settings page and audits before and after", async () => {
    const before = await getFixCheckWeeks();
    const next = before === 6 ? 7 : 6;
    const res = await post(complaintSettingsAction, path, { intent: "fixCheck", fixCheckWeeks: String(next) });
    expect(res.status).toBe(303);
    expect(await getFixCheckWeeks()).toBe(next);
    const audit = (await fixCheckAudits()).at(-1)!;
    expect(audit.actorId).toBe(adminId);
    expect(JSON.parse(audit.detail!)).toEqual({ subject: "fixCheck", before: { weeks: before }, after: { weeks: next } });
    const page = await settle(() =>
      complaintSettingsLoader({ request: getRequest(path, { cookie: admin }), params: {}, context: context() }),
    );
    expect((await page.json()).fixCheckWeeks).toBe(next);
    expect((await post(complaintSettingsAction, path, { intent: "fixCheck", fixCheckWeeks: "26" })).status).toBe(303);
    expect(await getFixCheckWeeks()).toBe(26);
  });
});
