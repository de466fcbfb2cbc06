// The memo of route matches that server.js installs before it loads the build (decision 016).
// A plain JS module beside server.js, which runs without a TypeScript loader.
//
// @remix-run/router flattens, ranks and compiles every route branch on each call to matchRoutes
// (0.09-0.18 ms with our 57 routes, measured), and Remix's server calls it through the module's
// exports once per request before its own internal match: a tenth of the CPU of a survey answer.
// The answer depends only on the route tree (fixed for a build) and the path, so it is kept per
// path (at most MAX_PATHS, oldest dropped first). Each caller gets its own copies of the match
// objects and params, as from the original. Paths that carry a resident's code (ballot codes
// /b/…, tracking codes /t/…, unsubscribe links /unsubscribe/…) are matched every time and never
// kept in memory. If a Remix version stops calling matchRoutes this way, the memo is never used:
// tests/integration/route-match-memo.test.ts serves a request through the real request handler
// and fails then.
import { createRequire } from "node:module";

export const MAX_PATHS = 2000;
/** Paths whose segments after the prefix are a resident's secret. */
const CODE_PATH = /^\/(?:b|t|unsubscribe)\//i;

const byRoutes = new WeakMap();
/** The same memos, weakly, so that a test can list what is kept. */
const memos = [];
let installed = false;
/** Calls that reached the memo since it was installed (kept or not): for the test above. */
export const memoStats = { calls: 0 };

/** Every path kept, for every route tree (for tests). */
export function memoisedPaths() {
  return memos.flatMap((ref) => [...(ref.deref()?.keys() ?? [])].map((key) => key.split("\u0000")[1]));
}

export function rememberRouteMatches() {
  if (installed) return;
  installed = true;
  const router = createRequire(import.meta.url)("@remix-run/router");
  const original = router.matchRoutes;
  router.matchRoutes = function matchRoutes(routes, location, basename = "/") {
    memoStats.calls++;
    if (typeof location !== "string" || CODE_PATH.test(location)) return original(routes, location, basename);
    let known = byRoutes.get(routes);
    if (!known) {
      byRoutes.set(routes, (known = new Map()));
      memos.push(new WeakRef(known));
    }
    const key = `${basename}\u0000${location}`;
    let matches = known.get(key);
    if (matches === undefined) {
      matches = original(routes, location, basename);
      if (known.size >= MAX_PATHS) known.delete(known.keys().next().value);
      known.set(key, matches);
    }
    return matches && matches.map((m) => ({ ...m, params: { ...m.params } }));
  };
}
