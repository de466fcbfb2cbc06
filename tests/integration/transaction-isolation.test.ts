// Prisma's better-sqlite3 adapter shares one connection between requests: without our adapter
// (app/utils/sqlite-adapter.server.ts, decision 032) a request's query ran inside another
// request's open transaction. Both failures below were measured on the bare adapter.
import { expect, it } from "vitest";
import { prisma } from "~/utils/db.server";

/** An interactive transaction that writes `key`, waits while others run, then fails. */
function failingTransaction(key: string) {
  return prisma
    .$transaction(async (tx) => {
      await tx.setting.create({ data: { key, value: "1" } });
      await new Promise((r) => setTimeout(r, 50));
      throw new Error("refused");
    })
    .catch(() => "rolled back");
}

it("a write outside a transaction survives another request's rollback", async () => {
  const other = failingTransaction("iso.rolled-back-1");
  await new Promise((r) => setTimeout(r, 10));
  await prisma.setting.create({ data: { key: "iso.kept", value: "2" } });
  expect(await other).toBe("rolled back");
  expect(await prisma.setting.findUnique({ where: { key: "iso.kept" } })).toMatchObject({ value: "2" });
  expect(await prisma.setting.findUnique({ where: { key: "iso.rolled-back-1" } })).toBeNull();
});

it("a read outside a transaction never sees another request's uncommitted rows, and does not wait for it", async () => {
  let finished = false;
  const other = failingTransaction("iso.rolled-back-2").finally(() => (finished = true));
  await new Promise((r) => setTimeout(r, 10));
  expect(await prisma.setting.findUnique({ where: { key: "iso.rolled-back-2" } })).toBeNull();
  expect(await prisma.$queryRaw`SELECT key FROM Setting WHERE key = 'iso.rolled-back-2'`).toEqual([]);
  expect(finished).toBe(false); // answered while the transaction was still open
  expect(await other).toBe("rolled back");
});

it("a committed write is read at once, and a transaction reads its own rows", async () => {
  await prisma.setting.create({ data: { key: "iso.read-back", value: "3" } });
  expect(await prisma.setting.findUnique({ where: { key: "iso.read-back" } })).toMatchObject({ value: "3" });
  const inside = await prisma.$transaction(async (tx) => {
    await tx.setting.update({ where: { key: "iso.read-back" }, data: { value: "4" } });
    return tx.setting.findUnique({ where: { key: "iso.read-back" } });
  });
  expect(inside).toMatchObject({ value: "4" });
  expect(await prisma.setting.findUnique({ where: { key: "iso.read-back" } })).toMatchObject({ value: "4" });
});

it("a write through the global client inside a transaction fails after the wait instead of hanging, and the lock is free after", async () => {
  const outcome = await prisma
    .$transaction(
      async (tx) => {
        await tx.setting.create({ data: { key: "iso.inner-tx", value: "1" } });
        await prisma.setting.create({ data: { key: "iso.wrong-client", value: "1" } }); // should have been tx
      },
      { timeout: 20_000 },
    )
    .then(
      () => "committed",
      (e: unknown) => (e instanceof Response ? e.status : String(e)),
    );
  expect(outcome).toBe(503); // "temporarily unavailable", as for any busy database
  expect(await prisma.setting.findUnique({ where: { key: "iso.inner-tx" } })).toBeNull();
  await prisma.setting.create({ data: { key: "iso.after", value: "1" } });
  expect(await prisma.setting.findUnique({ where: { key: "iso.after" } })).not.toBeNull();
}, 15_000);
