// Before each test file: its own copy of the migrated template database, and a fixed secret.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const tmp = path.resolve("tests/.tmp");
const template = path.join(tmp, "template.db");
if (fs.existsSync(template)) {
  const file = path.join(tmp, `test-${process.pid}-${crypto.randomUUID()}.db`);
  fs.copyFileSync(template, file);
  process.env.DATABASE_URL = `file:${file}`;
  process.env.UPLOAD_DIR = file.replace(/\.db$/, "-uploads");
}
process.env.DATA_DIR = tmp;
process.env.SESSION_SECRET ??= "test-secret-".padEnd(40, "x");
process.env.NODE_ENV = "test";
process.env.BALLOT_SECRET ??= "test-ballot-secret-".padEnd(40, "b");
