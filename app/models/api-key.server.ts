// Keys for Open311 clients: issued and revoked by an administrator. Only a SHA-256 of a key is
// stored (a key is long and random, so a slow hash adds nothing); the key is shown once.
import crypto from "node:crypto";
import { prisma } from "~/utils/db.server";

const hash = (key: string) => crypto.createHash("sha256").update(key, "utf8").digest("hex");

export async function issueApiKey({ name, createdById }: { name: string; createdById: number }) {
  const key = `ntm_${crypto.randomBytes(24).toString("base64url")}`;
  const row = await prisma.apiKey.create({
    data: { name, keyHash: hash(key), prefix: key.slice(0, 10), createdById },
    select: { id: true },
  });
  return { ok: true as const, id: row.id, key };
}

export async function revokeApiKey({ id, now = new Date() }: { id: number; now?: Date }) {
  const updated = await prisma.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
  return updated.count === 1 ? { ok: true as const } : { ok: false as const, reason: "notFound" as const };
}

export async function listApiKeys() {
  const rows = await prisma.apiKey.findMany({
    select: {
      id: true,
      name: true,
      prefix: true,
      createdAt: true,
      revokedAt: true,
      lastUsedAt: true,
      _count: { select: { submissions: true } },
    },
    orderBy: [{ revokedAt: { sort: "asc", nulls: "first" } }, { id: "desc" }],
  });
  return rows.map(({ _count, ...r }) => ({ ...r, requests: _count.submissions }));
}

/** The active key's id, or null for an unknown or revoked key. */
export async function verifyApiKey({ key }: { key: string }) {
  if (!key || key.length > 200) return null;
  const row = await prisma.apiKey.findUnique({ where: { keyHash: hash(key) }, select: { id: true, revokedAt: true } });
  if (!row || row.revokedAt) return null;
  return { id: row.id };
}
