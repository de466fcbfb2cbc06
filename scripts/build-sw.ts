// Builds the service worker after `remix build` (npm run build): bundles app/sw/sw.ts with
// esbuild (the compiler Remix already uses), then lets Workbox inject the precache manifest,
// a list of the app-shell files with a hash of each, into public/sw.js.
// See docs/decisions/018-service-worker.md.
import fs from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { injectManifest } from "workbox-build";
import { firstLoadFiles, lazyImports, OFFLINE_ROUTES, readManifest } from "./lib/build-manifest";
import { precompress } from "./lib/precompress";

const root = path.resolve(import.meta.dirname, "..");
const publicDir = path.join(root, "public");

/**
 * What a resident needs without signal, and nothing else (decision 040): the code of the pages kept
 * offline (OFFLINE_ROUTES) with what they load on demand (the queue and its panel; not the report
 * form's map nor the charts) and the offline page. Not the staff
 * pages, not the icons (the browser fetches the manifest's icons itself when it installs the app).
 */
export function precacheList(dir = publicDir): string[] {
  const { file, manifest } = readManifest(dir);
  const code = new Set(OFFLINE_ROUTES.flatMap((id) => firstLoadFiles(file, manifest, id)));
  // Not the report form's map (its tiles need the network anyway) nor the charts (the tables
  // beside them carry the numbers): about 45 KB and 71 KB that every phone would download.
  // Nor workbox-window: it registers the worker, which a phone without signal already has.
  for (const f of lazyImports([...code])) if (!/leaflet|chart|workbox-window/i.test(f)) code.add(f);
  // No stylesheet: the pages carry theirs inline (app/components/inline-styles.tsx).
  return [...[...code].map((f) => f.slice(1)), "offline.html"].sort();
}

export async function buildServiceWorker({ quiet = false } = {}) {
  const manifestFile = fs.readdirSync(path.join(publicDir, "build")).find((f) => /^manifest-[A-Z0-9]+\.js$/.test(f));
  if (!manifestFile) throw new Error("public/build has no Remix manifest: run `remix build` first");
  const version = manifestFile.slice("manifest-".length, -".js".length);

  const bundled = path.join(root, ".cache", "sw.bundle.js");
  await build({
    entryPoints: [path.join(root, "app/sw/sw.ts")],
    outfile: bundled,
    bundle: true,
    format: "iife",
    target: "es2020",
    minify: true,
    tsconfig: path.join(root, "tsconfig.json"),
    define: { BUILD_VERSION: JSON.stringify(version), "process.env.NODE_ENV": '"production"' },
    logLevel: "warning",
  });

  const { count, size, warnings } = await injectManifest({
    swSrc: bundled,
    swDest: path.join(publicDir, "sw.js"),
    globDirectory: publicDir,
    // Only what a resident needs offline (precacheList); the rest is cached when used.
    globPatterns: precacheList(),
    // Remix puts a content hash in every file name under /build/: no revision needed there.
    dontCacheBustURLsMatching: /^build\//,
    modifyURLPrefix: { "": "/" },
    maximumFileSizeToCacheInBytes: 512 * 1024,
  });
  for (const w of warnings) console.warn(w);
  if (!quiet) console.log(`service worker ${version}: ${count} files precached, ${(size / 1024).toFixed(1)} KB (uncompressed)`);
  return { version, count, size };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  buildServiceWorker()
    .then(() => {
      const { files, bytes, gzipBytes } = precompress(path.join(publicDir, "build"));
      console.log(
        `precompressed ${files} files: ${(bytes / 1024).toFixed(1)} KB -> ${(gzipBytes / 1024).toFixed(1)} KB (gzip -9)`,
      );
    })
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
