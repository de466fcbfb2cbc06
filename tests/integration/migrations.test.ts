// The migrations and schema.prisma describe the same database: a database built by running every
// migration has exactly the tables, columns, indexes and foreign keys of one pushed straight from the
// schema. Several branches add migrations in parallel; a migration written against a stale schema
// (for example a table rebuild that drops a column another branch added) fails here, not in production.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";

const dir = path.resolve("tests/.tmp");

type Shape = Record<string, { columns: string[]; indexes: string[]; foreignKeys: string[] }>;

function shapeOf(file: string): Shape {
  const db = new Database(file, { readonly: true });
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name",
    )
    .all() as { name: string }[];
  const shape: Shape = {};
  for (const { name } of tables) {
    const columns = (
      db.pragma(`table_info("${name}")`) as {
        name: string;
        type: string;
        notnull: number;
        dflt_value: string | null;
        pk: number;
      }[]
    )
      .map((c) => `${c.name} ${c.type} ${c.notnull ? "NOT NULL" : "NULL"} default=${c.dflt_value ?? ""} pk=${c.pk}`)
      .sort();
    const indexes = (db.pragma(`index_list("${name}")`) as { name: string; unique: number; origin: string; partial: number }[])
      .filter((i) => i.origin !== "pk")
      .map((i) => {
        const cols = (db.pragma(`index_info("${i.name}")`) as { name: string }[]).map((c) => c.name).join(",");
        return `${i.unique ? "unique " : ""}(${cols})${i.partial ? " partial" : ""}`;
      })
      .sort();
    const foreignKeys = (
      db.pragma(`foreign_key_list("${name}")`) as { table: string; from: string; to: string; on_delete: string }[]
    )
      .map((f) => `${f.from} -> ${f.table}.${f.to} on delete ${f.on_delete}`)
      .sort();
    shape[name] = { columns, indexes, foreignKeys };
  }
  db.close();
  return shape;
}

function build(file: string, args: string[]) {
  fs.rmSync(file, { force: true });
  execFileSync("npx", ["prisma", ...args], { env: { ...process.env, DATABASE_URL: `file:${file}` }, stdio: "pipe" });
}

describe("migrations", () => {
  it("build the same database as schema.prisma", () => {
    const migrated = path.join(dir, `migrated-${process.pid}.db`);
    const pushed = path.join(dir, `pushed-${process.pid}.db`);
    build(migrated, ["migrate", "deploy"]);
    build(pushed, ["db", "push", "--skip-generate"]);
    const a = shapeOf(migrated);
    const b = shapeOf(pushed);
    // Partial indexes written by hand in migrations (Prisma cannot express them) are the only
    // allowed difference: compare everything else.
    for (const t of Object.values(a)) t.indexes = t.indexes.filter((i) => !i.endsWith(" partial"));
    expect(a).toEqual(b);
  }, 120_000);
});
