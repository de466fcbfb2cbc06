// HTTP server: Express in front of the Remix build. Security headers (helmet, with a per-request
// CSP nonce), compression, static files, structured request logs without personal data, the
// client address for rate limits, and a clean shutdown on SIGTERM.
import crypto from "node:crypto";
import path from "node:path";
import url from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { broadcastDevReady, installGlobals } from "@remix-run/node";
import compression from "compression";
import express from "express";
import helmet from "helmet";
import pino from "pino";

installGlobals();

const BUILD_PATH = path.resolve("build/index.js");
const build = await import(url.pathToFileURL(BUILD_PATH).href);
// The validated environment (app/utils/env.server.ts) comes with the build: one parser.
const { env, shutdown: closeApp } = build.entry.module;
const log = pino({ level: env.LOG_LEVEL, base: undefined });

function trustProxy(value) {
  if (value === "true") return true;
  if (value === "false") return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

/** The path as logged: tracking codes (a resident's key) and ids are masked. */
function loggedPath(originalUrl) {
  const p = originalUrl.split("?")[0];
  return p.replace(/^\/t\/[^/]+/i, "/t/:code").replace(/\/\d+(?=\/|$)/g, "/:id");
}

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", trustProxy(env.TRUST_PROXY));

app.use((req, res, next) => {
  const started = process.hrtime.bigint();
  res.on("finish", () => {
    // No address, no cookies, no query string, no body: nothing that identifies a resident.
    log.info(
      {
        method: req.method,
        path: loggedPath(req.originalUrl),
        status: res.statusCode,
        ms: Number(process.hrtime.bigint() - started) / 1e6,
      },
      "request",
    );
  });
  next();
});

app.use((_req, res, next) => {
  res.locals.cspNonce = crypto.randomBytes(16).toString("base64");
  next();
});
app.use(
  helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'self'", (_req, res) => `'nonce-${res.locals.cspNonce}'`],
        // Inline style attributes only (bar widths); no inline scripts anywhere.
        "style-src": ["'self'", "'unsafe-inline'"],
        // Map tiles come from the configured tile server (MAP_TILE_URL).
        "img-src": ["'self'", "data:", "blob:", ...(env.MAP_TILE_ORIGIN ? [env.MAP_TILE_ORIGIN] : [])],
        "connect-src": ["'self'"],
        "font-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "upgrade-insecure-requests": env.COOKIE_SECURE ? [] : null,
      },
    },
    strictTransportSecurity: env.COOKIE_SECURE ? { maxAge: 31536000 } : false,
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    crossOriginEmbedderPolicy: false,
    xFrameOptions: { action: "deny" },
  }),
);
app.use((_req, res, next) => {
  res.setHeader("Permissions-Policy", "geolocation=(self), camera=(), microphone=(), payment=()");
  next();
});
// Staff pages and residents' tracking pages are nobody's business for search engines.
app.use(["/staff", "/t/"], (_req, res, next) => {
  res.setHeader("X-Robots-Tag", "noindex, nofollow");
  next();
});
app.use(compression());
app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
app.use(express.static("public", { maxAge: "1h" }));
app.all(
  "*",
  createRequestHandler({
    build,
    mode: build.mode,
    getLoadContext: (req, res) => ({ clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown", cspNonce: res.locals.cspNonce }),
  }),
);

const server = app.listen(env.PORT, env.HOST, () => {
  log.info({ port: env.PORT }, `Listening on http://localhost:${env.PORT}`);
  if (process.env.REMIX_DEV_ORIGIN) broadcastDevReady(build);
});

let stopping = false;
function stop(signal) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, "stopping: no new connections, finishing requests in flight");
  // Stop accepting; idle keep-alive sockets are closed, busy ones when their response ends.
  server.close(async () => {
    await closeApp();
    log.info("stopped cleanly");
    process.exit(0);
  });
  // Sockets become idle as their last response ends: close them then, not after the keep-alive timeout.
  server.closeIdleConnections();
  setInterval(() => server.closeIdleConnections(), 100).unref();
  setTimeout(() => {
    log.error("requests still running after 10 s: exiting anyway");
    process.exit(1);
  }, 10_000).unref();
}
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));
