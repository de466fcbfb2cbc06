// Builds the service worker after `remix build` (npm run build): bundles app/sw/sw.ts with
// esbuild (the compiler Remix already uses), then lets Workbox inject the precache manifest,
// a list of the app-shell files with a hash of each, into public/sw.js.
// See docs/decisions/018-service-worker.md.
import fs from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { injectManifest } from "workbox-build";

const root = path.resolve(import.meta.dirname, "..");
const publicDir = path.join(root, "public");

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
    // The app shell: the resident pages' scripts and the stylesheet (staff pages are fetched when
    // used), the icons, the manifest and the page shown when there is no signal and no copy.
    globPatterns: ["build/**/*.{js,css}", "icons/*.png", "favicon.svg", "manifest.webmanifest", "offline.html"],
    // Leaflet (the report form's map, loaded only when asked for) is not part of the shell: its
    // tiles need the network anyway, and precaching it would cost every visitor about 45 KB.
    globIgnores: [
      "build/routes/{staff,healthz,language,open311,photos,unsubscribe}*",
      "build/_shared/leaflet-*",
      "build/_assets/leaflet-*",
    ],
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
  buildServiceWorker().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
