// HTTP server: Express in front of the Remix build. Security headers (helmet, with a per-request
// CSP nonce), compression, static files, structured request logs without personal data, the
// client address for rate limits, 413 for oversized bodies, and a clean shutdown on SIGTERM.
// WEB_CONCURRENCY processes (default: one per CPU core) serve together through node:cluster;
// see docs/decisions/016-read-path.md.
import cluster from "node:cluster";
import crypto from "node:crypto";
import os from "node:os";
import path from "node:path";
import url from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { broadcastDevReady, installGlobals } from "@remix-run/node";
import compression from "compression";
import express from "express";
import helmet from "helmet";
import pino from "pino";
import { rememberRouteMatches } from "./route-match-memo.js";

const BUILD_ASSETS = path.resolve("public/build");

// Production: one process per core. Development (remix dev restarts it on every build): one.
const concurrency = process.env.WEB_CONCURRENCY
  ? Number(process.env.WEB_CONCURRENCY)
  : process.env.NODE_ENV === "production"
    ? os.availableParallelism()
    : 1;
if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
  console.error("Invalid environment configuration:\n  WEB_CONCURRENCY: must be a whole number from 1 to 64");
  process.exit(1);
}
if (cluster.isPrimary && concurrency > 1) {
  runPrimary(concurrency);
} else {
  await runWorker();
}

/**
 * The primary only starts the workers, replaces one that dies, and on SIGTERM passes the signal on
 * and exits 0 once every worker has finished its requests and closed the database. A worker that
 * dies before it listens (bad configuration, no database) stops everything with its message.
 */
function runPrimary(n) {
  // Workers decode photos with libvips threads; glibc's default of 8 malloc arenas per core kept
  // 230-356 MB after four parallel PNG/WebP reports, 2 arenas 110 MB (decision 042). glibc reads
  // it when a process starts, so it is set here for the workers.
  process.env.MALLOC_ARENA_MAX ??= "2";
  let stopping = false;
  const listening = new Set();
  const fork = () => {
    const worker = cluster.fork();
    worker.on("listening", () => listening.add(worker.id));
    return worker;
  };
  for (let i = 0; i < n; i++) fork();
  let failed = false;
  cluster.on("exit", (worker, code, signal) => {
    if (code !== 0) failed = true;
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(failed ? 1 : 0);
      return;
    }
    if (!listening.has(worker.id)) {
      console.error(`worker ${worker.process.pid} stopped before listening (code ${code}): stopping`);
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill("SIGTERM");
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(1);
      return;
    }
    console.error(`worker ${worker.process.pid} died (${signal ?? code}): starting another`);
    fork();
  });
  const stop = () => {
    if (stopping) return;
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill("SIGTERM");
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

async function runWorker() {
  // A stop asked for while the app is still loading is carried out once it listens (a worker
  // killed by the default SIGTERM action would end with a signal, not 0).
  let earlySignal = null;
  const early = (signal) => (earlySignal = signal);
  process.on("SIGTERM", early);
  process.on("SIGINT", early);
  installGlobals();
  rememberRouteMatches();

  const BUILD_PATH = path.resolve("build/index.js");
  const build = await import(url.pathToFileURL(BUILD_PATH).href);
  // The validated environment (app/utils/env.server.ts) comes with the build: one parser.
  const {
    env,
    shutdown: closeApp,
    startBackground,
    bodyLimit,
    tooLargeAnswer,
    DRAIN_MAX_BYTES,
    isCrossSite,
    trustProxySetting,
  } = build.entry.module;
  const log = pino({ level: env.LOG_LEVEL, base: undefined });

  /** Our origin as the Remix adapter builds request.url: req.hostname honours "trust proxy". */
  function ownOrigin(req) {
    const port = (req.get("X-Forwarded-Host") ?? req.get("Host") ?? "").split(":")[1];
    return `${req.protocol}://${req.hostname}${port ? `:${port}` : ""}`;
  }

  /** A staff or tracking page's path, as Remix's router will read it; a path it cannot decode counts too. */
  function isPrivatePath(p) {
    try {
      return /^\/(staff|t)(\/|$)/i.test(decodeURIComponent(p));
    } catch {
      return true;
    }
  }

  /** The path as logged: tracking codes (a resident's key) and ids are masked. */
  function loggedPath(originalUrl) {
    const p = originalUrl.split("?")[0];
    return p.replace(/^\/t\/[^/]+/i, "/t/:code").replace(/\/\d+(?=\/|$)/g, "/:id");
  }

  const app = express();
  app.disable("x-powered-by");
  // The rightmost X-Forwarded-For entries (our proxies'), never the client's own: decision 042.
  app.set("trust proxy", trustProxySetting(env.TRUST_PROXY));

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
  // Methods and origins, before any route runs (docs/decisions/004-csrf.md): only GET, HEAD and
  // POST exist here (TRACE and the rest get 405), and a POST whose Origin is another site or
  // "null" gets 403 on every route, with or without an action behind it.
  app.use((req, res, next) => {
    if (!["GET", "HEAD", "POST"].includes(req.method)) {
      res.setHeader("Allow", "GET, HEAD, POST");
      return void res.status(405).type("text/plain").send("Method Not Allowed");
    }
    // Open311 posts are authorised by their api_key, never by a cookie: other sites' apps may post.
    if (req.method === "POST" && !req.path.startsWith("/open311/")) {
      if (isCrossSite({ own: ownOrigin(req), origin: req.get("Origin"), fetchSite: req.get("Sec-Fetch-Site") })) {
        return void res.status(403).type("text/plain").send("Forbidden");
      }
    }
    next();
  });
  // Staff pages (residents' contacts) and tracking pages (a resident's report), their data
  // requests included: never stored by a browser or a proxy, whatever a route says. The one home
  // of this rule. The path is tested as Remix matches it, decoded and in any case: "/%73taff" and
  // "/STAFF" are the staff pages too (tests/e2e/attacks.test.ts).
  app.use((req, res, next) => {
    if (!isPrivatePath(req.path)) return next();
    const writeHead = res.writeHead;
    res.writeHead = function (...args) {
      res.setHeader("Cache-Control", "no-store");
      return writeHead.apply(this, args);
    };
    next();
  });
  // A body larger than any of our forms is refused before anyone reads it. Node then reads and
  // discards the rest, so the next request on this keep-alive connection is served normally; a
  // huge one closes the connection after the answer instead of being read to the end.
  app.use(async (req, res, next) => {
    const declared = Number(req.headers["content-length"] ?? 0);
    if (!(declared > bodyLimit(req.headers["content-type"]))) return next();
    const answer = await tooLargeAnswer(req.headers.cookie, "_data" in req.query);
    if (declared > DRAIN_MAX_BYTES) res.setHeader("Connection", "close");
    res.status(413).type(answer.type).send(answer.body);
  });
  // Built JavaScript and CSS were compressed once at build time (scripts/lib/precompress.ts): sent
  // as files with their length. A browser that does not take gzip, or a file without its .gz,
  // gets the plain file below.
  app.use("/build", (req, res, next) => {
    if (!/\.(js|css)$/.test(req.path) || !/\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) return next();
    res.type(path.extname(req.path));
    res.setHeader("Content-Encoding", "gzip");
    res.setHeader("Vary", "Accept-Encoding");
    res.sendFile(`${req.path}.gz`, { root: BUILD_ASSETS, immutable: true, maxAge: "1y", dotfiles: "deny" }, (err) => {
      if (!err || res.headersSent) return;
      res.removeHeader("Content-Encoding");
      res.removeHeader("Content-Type");
      next();
    });
  });
  app.use(compression());
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  app.use(express.static("public", { maxAge: "1h" }));
  app.all(
    "*",
    createRequestHandler({
      build,
      mode: build.mode,
      getLoadContext: (req, res) => ({
        clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown",
        cspNonce: res.locals.cspNonce,
      }),
    }),
  );

  const server = app.listen(env.PORT, env.HOST, () => {
    log.info({ port: env.PORT }, `Listening on http://localhost:${env.PORT}`);
    // The outbox worker (e-mail, SMS to residents): one per process; claims are atomic.
    startBackground?.();
    if (process.env.REMIX_DEV_ORIGIN) broadcastDevReady(build);
  });
  // Keep idle sockets longer than clients and reverse proxies do (about 60 s): the client side
  // then closes an idle keep-alive socket first, and never sends a request on a socket the server
  // is closing at that moment. With Node's 5 s default, 1 answer in 800 got ECONNRESET in load:ci.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

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
  process.off("SIGTERM", early);
  process.off("SIGINT", early);
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
  if (earlySignal) stop(earlySignal);
  // The primary is gone (killed): finish what is in flight and go, like on SIGTERM.
  if (cluster.isWorker) {
    process.on("disconnect", () => stop("primary gone"));
    // Messages to a primary that was killed fail with EPIPE: nothing to do but finish and exit.
    cluster.worker.on("error", (e) => log.warn({ err: e.message }, "primary unreachable"));
  }
}
