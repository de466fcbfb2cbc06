// The service worker (public/sw.js, built by scripts/build-sw.ts), registered after the page has
// loaded; a new version takes over only when no form on the page is being filled in. It keeps a
// copy of each resident page opened, for the next visit without signal (issue 13).
import { useLocation } from "@remix-run/react";
import { useCallback, useEffect, useRef } from "react";
import { residentPage } from "~/lib/offline-queue";

/**
 * Asks the service worker to keep this resident page (commune list, commune page, its forms) and,
 * for a commune's page, its survey and report forms too: the resident can answer there later
 * without signal.
 */
function keepCopy(wb: import("workbox-window").Workbox, href: string) {
  const { pathname } = new URL(href);
  const page = residentPage(pathname);
  if (!page) return;
  const urls = page.slug ? [pathname, `/c/${page.slug}/survey`, `/c/${page.slug}/report`] : [pathname];
  for (const url of new Set(urls)) void wb.messageSW({ type: "CACHE_PAGE", url }).catch(() => undefined);
}

/**
 * Registers the service worker and follows whether a form is in progress. Returns `markClean`:
 * the form is no longer in progress (its answer was sent or kept), a waiting version may take over.
 */
export function useServiceWorker(): { markClean: () => void } {
  const location = useLocation();
  const registered = useRef<import("workbox-window").Workbox | null>(null);
  const dirty = useRef(false);
  // Asks a waiting new version to take over if no form is in progress (set once registered).
  const takeOver = useRef<() => void>(() => undefined);
  const markClean = useCallback(() => {
    dirty.current = false;
    takeOver.current();
  }, []);

  // The service worker, registered once the page has loaded (it never delays the first load).
  useEffect(() => {
    if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
    let cancelled = false;
    // A new version waits while a form is being filled in, then takes over. Both moments are
    // events: a worker reaching "installed" (every update, from the registration itself rather
    // than workbox-window's "waiting", which comes from a 200 ms timer and follows only the first
    // update it did not start) and the form becoming clean (markClean). Either one asks whatever
    // worker is waiting at that moment, so their order does not matter.
    const watchUpdates = (reg: ServiceWorkerRegistration) => {
      const check = () => {
        if (!dirty.current && reg.waiting) reg.waiting.postMessage({ type: "SKIP_WAITING" });
      };
      takeOver.current = check;
      reg.addEventListener("updatefound", () => {
        const sw = reg.installing;
        sw?.addEventListener("statechange", () => {
          if (sw.state === "installed") check();
        });
      });
      // Already waiting (the page was reloaded during an update).
      check();
    };
    const start = () => {
      void import("workbox-window").then(({ Workbox }) => {
        if (cancelled) return;
        const wb = new Workbox("/sw.js");
        void wb
          .register()
          .then((reg) => {
            registered.current = wb;
            keepCopy(wb, window.location.href);
            if (reg) watchUpdates(reg);
          })
          .catch(() => undefined);
      });
    };
    if (document.readyState === "complete") start();
    else window.addEventListener("load", start, { once: true });
    return () => {
      cancelled = true;
      window.removeEventListener("load", start);
    };
  }, []);

  // Keep a copy of each resident page opened by a client-side navigation (the worker saw only its data).
  useEffect(() => {
    if (registered.current) keepCopy(registered.current, window.location.href);
  }, [location.pathname]);

  // A new page: no form on it is in progress yet.
  useEffect(() => {
    dirty.current = false;
  }, [location.key]);

  // Typing or choosing in an offline form puts it in progress: a new version waits.
  useEffect(() => {
    const onInput = (e: Event) => {
      if ((e.target as HTMLElement | null)?.closest?.("form[data-offline]")) dirty.current = true;
    };
    window.addEventListener("input", onInput, true);
    window.addEventListener("change", onInput, true);
    return () => {
      window.removeEventListener("input", onInput, true);
      window.removeEventListener("change", onInput, true);
    };
  }, []);

  return { markClean };
}
