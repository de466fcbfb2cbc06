// HTTP server: Express in front of the Remix build. Compression, static files with long cache
// for fingerprinted assets, the client address for rate limits, and a clean shutdown.
import path from "node:path";
import url from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { broadcastDevReady, installGlobals } from "@remix-run/node";
import compression from "compression";
import express from "express";

installGlobals();

const BUILD_PATH = path.resolve("build/index.js");
const build = await import(url.pathToFileURL(BUILD_PATH).href);
// The validated environment (app/utils/env.server.ts) comes with the build: one parser.
const env = build.entry.module.env;

function trustProxy(value) {
  if (value === "true") return true;
  if (value === "false") return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", trustProxy(env.TRUST_PROXY));
app.use(compression());
app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
app.use(express.static("public", { maxAge: "1h" }));
app.all(
  "*",
  createRequestHandler({
    build,
    mode: build.mode,
    getLoadContext: (req) => ({ clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown" }),
  }),
);

const server = app.listen(env.PORT, env.HOST, () => {
  console.log(`Listening on http://localhost:${env.PORT}`);
  if (process.env.REMIX_DEV_ORIGIN) broadcastDevReady(build);
});

function shutdown(signal) {
  console.log(`${signal}: closing`);
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(1), 10_000).unref();
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
