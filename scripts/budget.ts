// The resident pages' JavaScript budget (issue 25, decision 040), run by `npm test` right after
// `npm run build`: reads the Remix build manifest (public/build/manifest-*.js), adds up what each
// resident route loads on a first visit (the manifest itself, the entry, the root and the route,
// with the chunks they import) compressed as the server sends it (the gzip -9 copy the build
// writes next to each file, scripts/lib/precompress.ts; gzip of the file when there is none),
// prints it per route and exits 1 when a route is over budget or loads a staff
// module. No browser, no server: fast and the same on every run for the same build.
// Later, optional code (workbox-window, the offline queue, leaflet) is imported on demand and is
// not part of a first load; `npm run page-weight` measures the whole page in Chromium.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { firstLoadFiles, publicDir, readManifest, RESIDENT_ROUTES } from "./lib/build-manifest";

/** Compressed JavaScript the home, commune and survey pages may load on a first visit (issue 25). */
export const JS_BUDGET_BYTES = 100_000;
/** The other resident pages (report form with its photos and map field, tracking, ballots): growth still fails. */
export const JS_BUDGET_OTHER_BYTES = 110_000;
const MAIN_PAGES = new Set(["home", "commune", "survey"]);

const gzipCache = new Map<string, number>();
export function gzipBytes(url: string, dir = publicDir): number {
  let n = gzipCache.get(url);
  if (n === undefined) {
    const file = path.join(dir, url);
    n = fs.existsSync(`${file}.gz`) ? fs.statSync(`${file}.gz`).size : zlib.gzipSync(fs.readFileSync(file)).length;
    gzipCache.set(url, n);
  }
  return n;
}

/**
 * A chunk that holds nothing but the empty stand-in Remix puts in the browser build for a
 * `.server` module (`module.exports = {}` in esbuild's wrapper). Each one is a request of its own
 * (a 400 ms round trip on a weak link) for about 100 bytes. They appear when a route or component
 * keeps a `.server` import alive in the browser code: a module-level call such as a form schema
 * built with `lazy(...)` without `/* @__PURE__ *\/` in front, or Remix's empty modules no longer
 * marked free of side effects (patches/@remix-run+dev+*.patch, applied by `npm install`).
 */
export function isEmptyServerChunk(url: string, dir = publicDir): boolean {
  const text = fs.readFileSync(path.join(dir, url), "utf8");
  return text.length < 200 && /e\.exports=\{\}/.test(text);
}

export type RouteWeight = {
  route: string;
  page: string;
  files: number;
  jsBytes: number;
  budget: number;
  staffModules: string[];
  emptyChunks: string[];
  pass: boolean;
};

export function measure(dir = publicDir): RouteWeight[] {
  const { file, manifest } = readManifest(dir);
  const staffModules = new Set(
    Object.values(manifest.routes)
      .filter((r) => r.id.startsWith("routes/staff"))
      .map((r) => r.module),
  );
  return Object.entries(RESIDENT_ROUTES)
    .filter(([id]) => manifest.routes[id])
    .map(([id, page]) => {
      const files = firstLoadFiles(file, manifest, id);
      const jsBytes = files.reduce((a, f) => a + gzipBytes(f, dir), 0);
      const staff = files.filter((f) => staffModules.has(f));
      // (A resource route's own module is such a stand-in too; a browser never loads it as a page.)
      const empty = files.filter((f) => f.startsWith("/build/_shared/") && isEmptyServerChunk(f, dir));
      const budget = MAIN_PAGES.has(page) ? JS_BUDGET_BYTES : JS_BUDGET_OTHER_BYTES;
      return {
        route: id,
        page,
        files: files.length,
        jsBytes,
        budget,
        staffModules: staff,
        emptyChunks: empty,
        pass: jsBytes <= budget && staff.length === 0 && empty.length === 0,
      };
    });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = measure();
  const json = process.argv.includes("--json");
  if (json) console.log(JSON.stringify(rows));
  else {
    console.log("JavaScript on a first visit of each resident page, gzip, against its budget:");
    for (const r of rows) {
      const mark = r.pass ? "ok  " : "OVER";
      console.log(
        `  ${mark} ${r.page.padEnd(14)} ${String(r.jsBytes).padStart(7)} / ${r.budget} B  ${String(r.files).padStart(2)} files  ${r.route}`,
      );
      if (r.staffModules.length > 0) console.log(`       loads staff code: ${r.staffModules.join(", ")}`);
      if (r.emptyChunks.length > 0)
        console.log(`       loads ${r.emptyChunks.length} empty chunks of .server modules: ${r.emptyChunks.join(", ")}`);
    }
  }
  const over = rows.filter((r) => !r.pass);
  if (over.length > 0) {
    console.error(
      `Over the JavaScript budget: ${over.map((r) => r.page).join(", ")} (docs/decisions/040-page-weight-budgets.md)`,
    );
    process.exitCode = 1;
  }
}
