// What the test set-ups and the measurement scripts share: a fresh database made with the same
// commands a user runs, the production server started on it, and Debian's Chromium.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";

export type ServerEnv = NodeJS.ProcessEnv & { DATA_DIR: string; DATABASE_URL: string };

/** Environment for a server of our own with its data in `dir` (production mode), on `port` if given. */
export function serverEnv(dir: string, port?: number, extra: Record<string, string> = {}): ServerEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    ...(port ? { PORT: String(port) } : {}),
    HOST: "127.0.0.1",
    DATA_DIR: dir,
    DATABASE_URL: `file:${path.join(dir, "app.db")}`,
    COOKIE_SECURE: "false",
    LOG_LEVEL: "warn",
    ...extra,
  } as ServerEnv;
}

/** An empty data directory with a migrated database, reference data and, if asked, demo data. */
export function prepareDatabase(env: ServerEnv, { demo = false }: { demo?: boolean } = {}) {
  fs.rmSync(env.DATA_DIR, { recursive: true, force: true });
  fs.mkdirSync(env.DATA_DIR, { recursive: true });
  execFileSync("npx", ["prisma", "migrate", "deploy"], { env, stdio: "pipe" });
  execFileSync("npx", ["tsx", "prisma/seed.ts", ...(demo ? [] : ["--no-demo"])], { env, stdio: "pipe" });
}

export type RunningServer = { process: ChildProcess; url: string; startedInMs: number };

/** Starts `node server.js` (the production build) and waits until /healthz answers. */
export async function startServer(env: ServerEnv, { showErrors = false }: { showErrors?: boolean } = {}): Promise<RunningServer> {
  const url = `http://127.0.0.1:${env.PORT}`;
  const child = spawn("node", ["server.js"], { env, stdio: ["ignore", "pipe", showErrors ? "inherit" : "pipe"] });
  let log = "";
  child.stdout!.on("data", (d) => (log += d));
  child.stderr?.on("data", (d) => (log += d));
  const t0 = performance.now();
  for (;;) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { process: child, url, startedInMs: performance.now() - t0 };
    } catch {
      // not listening yet
    }
    if (performance.now() - t0 > 30_000 || child.exitCode !== null) throw new Error(`The server did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

/** A port nothing listens on right now: for a server of our own, or an SMTP server that is "down". */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}
