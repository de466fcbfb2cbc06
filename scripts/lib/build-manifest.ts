// What a Remix build loads per route, read from the build manifest (public/build/manifest-*.js)
// and esbuild's metafile (build/metafile.js.json): shared by the JavaScript budget
// (scripts/budget.ts) and the service worker's precache list (scripts/build-sw.ts). Decision 040.
import fs from "node:fs";
import path from "node:path";
import remixConfig from "../../remix.config.js";

const root = path.resolve(import.meta.dirname, "../..");
export const publicDir = path.join(root, "public");

/** The routes residents open (route id -> page name); staff routes may be heavier. */
export const RESIDENT_ROUTES: Record<string, string> = {
  "routes/_index": "home",
  "routes/c.$slug._index": "commune",
  "routes/c.$slug.survey": "survey",
  "routes/c.$slug.report": "report",
  "routes/c.$slug.thanks": "thanks",
  "routes/c.$slug.me-too": "me-too",
  "routes/c.$slug.code": "code",
  "routes/b._index": "ballot",
  "routes/b.$code": "ballot code",
  "routes/b.thanks": "ballot thanks",
  "routes/t._index": "tracking",
  "routes/t.$code": "tracking code",
};

type ManifestRoute = { id: string; parentId?: string; module: string; imports?: string[] };
type Manifest = { entry: { module: string; imports?: string[] }; routes: Record<string, ManifestRoute> };

export function readManifest(dir = publicDir): { file: string; manifest: Manifest } {
  const buildDir = path.join(dir, "build");
  const file = fs.existsSync(buildDir) ? fs.readdirSync(buildDir).find((f) => /^manifest-[A-Z0-9]+\.js$/.test(f)) : undefined;
  if (!file) throw new Error("public/build has no Remix manifest: run `npm run build` first");
  const text = fs.readFileSync(path.join(buildDir, file), "utf8");
  const json = text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1);
  return { file: `/build/${file}`, manifest: JSON.parse(json) as Manifest };
}

/**
 * With lazy route discovery (remix.config.js) a page carries its part of the manifest in its HTML
 * and asks for the rest as links appear; without it, the whole manifest is a script of its own.
 */
const LAZY_DISCOVERY = (remixConfig as { future?: { v3_lazyRouteDiscovery?: boolean } }).future?.v3_lazyRouteDiscovery === true;

/** The files a first visit to `routeId` loads: the manifest (unless discovered lazily), the entry, then each route from the root down. */
export function firstLoadFiles(manifestFile: string, manifest: Manifest, routeId: string): string[] {
  const chain: ManifestRoute[] = [];
  for (let r: ManifestRoute | undefined = manifest.routes[routeId]; r; r = r.parentId ? manifest.routes[r.parentId] : undefined) {
    chain.unshift(r);
  }
  if (chain.length === 0) throw new Error(`No route ${routeId} in the build manifest`);
  const files = [...(LAZY_DISCOVERY ? [] : [manifestFile]), manifest.entry.module, ...(manifest.entry.imports ?? [])];
  for (const r of chain) files.push(r.module, ...(r.imports ?? []));
  return [...new Set(files)];
}

/**
 * The resident pages a phone opens without signal (residentPage in app/lib/offline-queue.ts): the
 * commune list, a commune's page, its survey and report form; their code is precached. A thanks
 * page is reached only after an answer was sent, with signal, and is not kept.
 */
export const OFFLINE_ROUTES = ["routes/_index", "routes/c.$slug._index", "routes/c.$slug.survey", "routes/c.$slug.report"];

type Metafile = { outputs: Record<string, { imports: { path: string; kind: string }[] }> };

/** Files the given ones import later, on demand (import()), and what those import, from esbuild's metafile. */
export function lazyImports(files: string[], metafile = path.join(root, "build/metafile.js.json")): string[] {
  const meta = JSON.parse(fs.readFileSync(metafile, "utf8")) as Metafile;
  const seen = new Set<string>();
  const visit = (url: string, lazy: boolean) => {
    const output = meta.outputs[`public${url}`];
    if (!output) return;
    for (const i of output.imports) {
      if (!i.path.startsWith("public/build/") || !/\.js$/.test(i.path)) continue;
      const next = i.path.slice("public".length);
      const isLazy = lazy || i.kind === "dynamic-import";
      if (isLazy && !files.includes(next) && !seen.has(next)) {
        seen.add(next);
        visit(next, true);
      } else if (!isLazy) visit(next, false);
    }
  };
  for (const f of files) visit(f, false);
  return [...seen];
}
