// Starts the real server (production build) on a free port with its own database, for the
// browser tests. The database gets the reference data and the demo data, as a new user's does.
import path from "node:path";
import type { TestProject } from "vitest/node";
import { freePort, prepareDatabase, serverEnv, startServer } from "../../scripts/lib/harness";

export default async function setup(project: TestProject) {
  // Secure cookies, as in production: Chromium accepts them on 127.0.0.1.
  // Map tiles from a host that never resolves (.invalid): the browser tests that show a map serve
  // a local tile fixture for it (tests/fixtures/tile.png), so no test reaches a real tile server.
  const env = serverEnv(path.resolve("tests/.tmp/e2e"), await freePort(), {
    COOKIE_SECURE: "true",
    LOG_LEVEL: "info",
    MAP_TILE_URL: "http://tiles.invalid/{z}/{x}/{y}.png",
    // Every browser test posts from 127.0.0.1: with the default of 10 reports an hour per address,
    // the suite's 11th report was refused (429) and a later test waited for a tracking page in
    // vain. The limit itself is tested against the real server in tests/integration.
    COMPLAINT_RATE_LIMIT_PER_HOUR: "500",
  });
  prepareDatabase(env, { demo: true });
  const server = await startServer(env);
  project.provide("baseUrl", server.url);
  project.provide("serverPid", server.process.pid!);
  // Waits for the server to finish (its pipes keep vitest from exiting until then: "close timed
  // out after 10000ms"); a server that has not finished in 8 s is killed.
  return async () => {
    const child = server.process;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 8000);
    await exited;
    clearTimeout(timer);
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    serverPid: number;
  }
}
