// The database locked by another process (a backup, a maintenance script): requests get a 503,
// nothing crashes, nothing half-written, and everything works again once the lock is gone.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.SQLITE_BUSY_TIMEOUT_MS = "200";
});

const { action: surveyAction, loader: surveyLoader } = await import("~/routes/c.$slug.survey");
const { loader: healthLoader } = await import("~/routes/healthz");
const { prisma, isDatabaseUnavailable } = await import("~/utils/db.server");
const { context, cookiesFrom, formRequest, getRequest, settle } = await import("../fixtures/http");

describe("database unavailable", () => {
  it("answers 503 while another process holds the write lock, then recovers", async () => {
    const form = await settle(() =>
      surveyLoader({ request: getRequest("/c/vinh-bao/survey"), params: { slug: "vinh-bao" }, context: context() }),
    );
    const cookie = cookiesFrom(form);
    const { submissionId } = await form.json();
    const body = { r_roads: "4", r_environment: "4", r_water: "4", r_security: "4", r_overall: "4", submissionId };
    const post = () =>
      settle(() =>
        surveyAction({
          request: formRequest("/c/vinh-bao/survey", body, { cookie }),
          params: { slug: "vinh-bao" },
          context: context("10.20.30.40"),
        }),
      );

    // Another process takes the write lock and keeps it until we close its standard input.
    const file = process.env.DATABASE_URL!.replace(/^file:/, "");
    const holder = spawn(process.execPath, [
      "-e",
      `const D=require("better-sqlite3");const d=new D(${JSON.stringify(file)});d.exec("BEGIN EXCLUSIVE");console.log("locked");process.stdin.on("end",()=>{d.exec("ROLLBACK");d.close();process.exit(0)});process.stdin.resume()`,
    ]);
    await once(holder.stdout!, "data");
    try {
      const res = await post();
      expect(res.status).toBe(503);
      expect(res.headers.get("Retry-After")).toBe("30");
    } finally {
      holder.stdin!.end();
      await once(holder, "exit");
    }
    expect(await prisma.response.count({ where: { submissionId } })).toBe(0);
    expect((await settle(() => healthLoader())).status).toBe(200);
    expect((await post()).status).toBe(303);
    expect(await prisma.response.count({ where: { submissionId } })).toBe(1);
  });

  it("recognises SQLite's 'cannot use the database' answers and nothing else", () => {
    const err = (code: string) => ({ meta: { driverAdapterError: { cause: { originalCode: code } } } });
    for (const c of [
      "SQLITE_BUSY",
      "SQLITE_READONLY",
      "SQLITE_READONLY_DBMOVED",
      "SQLITE_IOERR_WRITE",
      "SQLITE_FULL",
      "SQLITE_CANTOPEN",
    ])
      expect(isDatabaseUnavailable(err(c))).toBe(true);
    for (const c of ["SQLITE_CONSTRAINT_UNIQUE", "SQLITE_ERROR", ""]) expect(isDatabaseUnavailable(err(c))).toBe(false);
    expect(isDatabaseUnavailable(new Error("x"))).toBe(false);
  });
});
