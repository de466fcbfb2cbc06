// Staff accounts. Demo accounts exist only with demo data (their passwords are in the README);
// a real administrator comes from ADMIN_EMAIL and ADMIN_PASSWORD.
import { createUser, hashPassword, loginAccountKey } from "~/models/user.server";
import { prisma } from "~/utils/db.server";
import { clearLoginLimits } from "~/utils/rate-limit.server";

export const DEMO_PASSWORD = "demo-password-2026";

export const DEMO_STAFF = [
  { email: "admin@demo.ntm.local", name: "Quản trị (demo)", role: "admin", communes: [] },
  { email: "hdnd@demo.ntm.local", name: "Đại biểu HĐND (demo)", role: "council", communes: [] },
  {
    email: "vinhbao@demo.ntm.local",
    name: "Cán bộ Vĩnh Bảo, Tiên Lãng (demo)",
    role: "official",
    communes: ["vinh-bao", "tien-lang"],
  },
  { email: "camgiang@demo.ntm.local", name: "Cán bộ Cẩm Giàng (demo)", role: "official", communes: ["cam-giang"] },
  // The Fatherland Front runs survey rounds, codes and paper ballots (separation of duties, issue 10).
  {
    email: "mttq-vinhbao@demo.ntm.local",
    name: "MTTQ Vĩnh Bảo, Tiên Lãng (demo)",
    role: "front",
    communes: ["vinh-bao", "tien-lang"],
  },
  { email: "mttq-camgiang@demo.ntm.local", name: "MTTQ Cẩm Giàng (demo)", role: "front", communes: ["cam-giang"] },
] as const;

export async function seedDemoStaff() {
  for (const s of DEMO_STAFF) {
    if (await prisma.user.findUnique({ where: { email: s.email }, select: { id: true } })) continue;
    const communes = await prisma.commune.findMany({ where: { slug: { in: [...s.communes] } }, select: { id: true } });
    await createUser({
      email: s.email,
      name: s.name,
      role: s.role,
      password: DEMO_PASSWORD,
      communeIds: communes.map((c) => c.id),
      isDemo: true,
    });
  }
}

/** Creates the administrator named by ADMIN_EMAIL, or resets its password and role. */
export async function ensureAdmin(email: string, password: string) {
  const existing = await prisma.user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true } });
  if (existing) {
    await prisma.$transaction([
      prisma.user.update({
        where: { id: existing.id },
        // The operator's way back in: also lifts sign-in locks and turns two-step sign-in off
        // (a lost phone and lost recovery codes).
        data: {
          role: "admin",
          active: true,
          passwordHash: await hashPassword(password),
          failedLogins: 0,
          lockedUntil: null,
          mustChangePassword: false,
          totpSecret: null,
        },
      }),
      prisma.session.deleteMany({ where: { userId: existing.id } }),
      prisma.recoveryCode.deleteMany({ where: { userId: existing.id } }),
    ]);
    clearLoginLimits(loginAccountKey(email));
    return "updated" as const;
  }
  await createUser({ email, name: "Administrator", role: "admin", password });
  return "created" as const;
}
