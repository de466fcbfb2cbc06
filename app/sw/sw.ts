/// <reference lib="webworker" />
// The service worker (built by scripts/build-sw.ts with Workbox injectManifest; see
// docs/decisions/018-service-worker.md). It precaches the app shell (the resident pages' scripts,
// the stylesheet, icons, the offline page), keeps the commune list and the pages of the communes
// the resident opened (network first, the copy when there is no signal), and sends the offline
// queue on Background Sync.
import { ExpirationPlugin } from "workbox-expiration";
import { CacheableResponsePlugin } from "workbox-cacheable-response";
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from "workbox-precaching";
import { registerRoute, setCatchHandler } from "workbox-routing";
import { CacheFirst, NetworkFirst } from "workbox-strategies";
import { clientsClaim, setCacheNameDetails } from "workbox-core";
import { flushQueue, residentPage, SYNC_TAG } from "~/lib/offline-queue";

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: { url: string; revision: string | null }[] };
declare const BUILD_VERSION: string;

/**
 * Version of the runtime caches' layout. Bump it when what is cached changes shape: the new worker
 * then deletes the old caches on activation. The precache is versioned per file by Workbox.
 */
// v2: household ballots (/b/) and thanks pages are no longer kept; v1's copies are deleted (decision 042).
const CACHE_VERSION = "v2";
const PAGES = `ntm-pages-${CACHE_VERSION}`;
const DATA = `ntm-data-${CACHE_VERSION}`;
const ASSETS = `ntm-assets-${CACHE_VERSION}`;
const KEEP = new Set([PAGES, DATA, ASSETS]);

setCacheNameDetails({ prefix: "ntm", suffix: CACHE_VERSION });
// Data saving on, or a 2G link (navigator.connection, where the browser has it): only the offline
// page is precached; the pages and their code are still kept as the resident opens them (below).
// Otherwise what a resident needs offline, computed from the build (decision 040).
const link = (self.navigator as Navigator & { connection?: { saveData?: boolean; effectiveType?: string } }).connection;
const sparing = link?.saveData === true || /2g$/.test(link?.effectiveType ?? "");
const shell: { url: string; revision: string | null }[] = self.__WB_MANIFEST;
precacheAndRoute(sparing ? shell.filter((e) => e.url === "/offline.html") : shell);
cleanupOutdatedCaches();
// The first installation looks after the page that installed it at once (its later requests are
// kept); an update waits for SKIP_WAITING (below), then takes the open pages over too.
clientsClaim();

/** A resident page worth keeping (the rule: residentPage in lib/offline-queue). */
function isResidentPage(url: URL): boolean {
  return residentPage(url.pathname) !== null;
}
const ok = new CacheableResponsePlugin({ statuses: [200] });

registerRoute(
  ({ request, url }) => request.mode === "navigate" && url.origin === self.location.origin && isResidentPage(url),
  new NetworkFirst({
    cacheName: PAGES,
    networkTimeoutSeconds: 6,
    plugins: [ok, new ExpirationPlugin({ maxEntries: 60, maxAgeSeconds: 60 * 60 * 24 * 60 })],
  }),
);

// Remix data requests of the same pages (client-side navigation) and of the root (the strings).
registerRoute(
  ({ request, url }) =>
    request.method === "GET" &&
    url.origin === self.location.origin &&
    url.searchParams.has("_data") &&
    (isResidentPage(url) || url.searchParams.get("_data") === "root"),
  new NetworkFirst({
    cacheName: DATA,
    networkTimeoutSeconds: 6,
    plugins: [ok, new ExpirationPlugin({ maxEntries: 120, maxAgeSeconds: 60 * 60 * 24 * 60 })],
  }),
);

// The routes a page's links lead to (lazy route discovery, decision 040): kept like the data, so a
// link discovered with signal still opens its page without.
registerRoute(
  ({ request, url }) => request.method === "GET" && url.origin === self.location.origin && url.pathname === "/__manifest",
  new NetworkFirst({
    cacheName: DATA,
    networkTimeoutSeconds: 6,
    plugins: [ok, new ExpirationPlugin({ maxEntries: 120, maxAgeSeconds: 60 * 60 * 24 * 60 })],
  }),
);

// Scripts of a build not in the precache (staff pages are not precached): immutable names.
registerRoute(
  ({ url }) => url.origin === self.location.origin && url.pathname.startsWith("/build/"),
  new CacheFirst({ cacheName: ASSETS, plugins: [ok, new ExpirationPlugin({ maxEntries: 80 })] }),
);

// No signal and no copy: the precached offline page, in Vietnamese and English.
setCatchHandler(async ({ request }) => {
  if (request.mode === "navigate") return (await matchPrecache("/offline.html")) ?? Response.error();
  return Response.error();
});

self.addEventListener("install", (event) => {
  // The commune list, so that the first visit already leaves something to open without signal.
  event.waitUntil(
    caches
      .open(PAGES)
      .then((c) => c.add(new Request("/", { credentials: "same-origin" })))
      .catch(() => undefined),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names.filter((n) => n.startsWith("ntm-") && !n.startsWith("ntm-precache") && !KEEP.has(n)).map((n) => caches.delete(n)),
        ),
      ),
  );
});

// A new version waits until the pages using the old one are closed, unless a page says it has no
// form in progress (app/components/offline-agent.tsx).
self.addEventListener("message", (event: ExtendableMessageEvent) => {
  const data = event.data as { type?: string } | null;
  if (data?.type === "SKIP_WAITING") void self.skipWaiting();
  // A page the resident opened before this worker was there, or reached by a client-side
  // navigation (which fetches data, not the page): keep a copy of the page itself.
  if (data?.type === "CACHE_PAGE" && typeof (data as { url?: unknown }).url === "string") {
    const url = new URL((data as { url: string }).url, self.location.href);
    if (url.origin === self.location.origin && isResidentPage(url)) {
      event.waitUntil(
        fetch(url.href, { credentials: "same-origin" })
          .then(async (res) => {
            if (res.status === 200) await (await caches.open(PAGES)).put(url.href, res);
            event.ports[0]?.postMessage({ kept: res.status === 200 });
          })
          .catch(() => event.ports[0]?.postMessage({ kept: false })),
      );
    }
  }
  if (data?.type === "VERSION") event.ports[0]?.postMessage({ version: BUILD_VERSION, cache: CACHE_VERSION });
});

async function sendQueue() {
  const { waiting } = await flushQueue();
  // Open pages read the queue again (offline-agent.tsx): sent items there show their result.
  const clients = await self.clients.matchAll({ type: "window" });
  for (const c of clients) c.postMessage({ type: "ntm-queue" });
  // Still waiting: fail the sync so that the browser tries again later.
  if (waiting > 0) throw new Error("still offline");
}

self.addEventListener("sync", (event: Event) => {
  const e = event as ExtendableEvent & { tag: string };
  if (e.tag === SYNC_TAG) e.waitUntil(sendQueue());
});
