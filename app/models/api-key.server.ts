// Keys for Open311 clients: issued and revoked by an administrator. Only a SHA-256 of a key is
// stored (a key is long and random, so a slow hash adds nothing); the key is shown once.
import crypto from "node:crypto";
import { prisma } from "~/utils/db.server";
import { recordChange } from "./audit.server";

const hash = (key: string) => crypto.createHash("sha256").update(key, "utf8").digest("hex");

export async function issueApiKey({ name, createdById }: { name: string; createdById: number }) {
  const key = `ntm_${crypto.randomBytes(24).toString("base64url")}`;
  const row = await prisma.$transaction(async (tx) => {
    const created = await tx.apiKey.create({
      data: { name, keyHash: hash(key), prefix: key.slice(0, 10), createdById },
      select: { id: true },
    });
    // The prefix only, never the key (decision 036).
    await recordChange(tx, {
      actorId: createdById,
      action: "api_key_changed",
      subject: `api key ${created.id}`,
      before: null,
      after: { name, prefix: key.slice(0, 10), revoked: false },
    });
    return created;
  });
  return { ok: true as const, id: row.id, key };
}

export async function revokeApiKey({ id, actorId, now = new Date() }: { id: number; actorId: number | null; now?: Date }) {
  return prisma.$transaction(async (tx) => {
    const updated = await tx.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
    if (updated.count !== 1) return { ok: false as const, reason: "notFound" as const };
    await recordChange(tx, {
      actorId,
      action: "api_key_changed",
      subject: `api key ${id}`,
      before: { revoked: false },
      after: { revoked: true },
    });
    return { ok: true as const };
  });
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
