// What makes the resident pages work with a weak signal (issue 13), all in the browser and only
// once JavaScript has loaded; without it the forms post as before.
// - Registers the service worker (public/sw.js, built by scripts/build-sw.ts) after the page has
//   loaded; a new version takes over only when no form on the page is being filled in.
// - Forms marked data-offline="survey" | "report" are sent with upload progress; with no signal or
//   a failed send they are kept on the phone (app/lib/offline-queue.ts) and the page says so.
// - Waiting items are listed with a cancel button and sent when the signal returns (Background
//   Sync in the service worker where the browser has it, the "online" event and the next visit
//   otherwise); the resident then sees the thanks page or the tracking code.
import { Link, useLocation, useMatches, useNavigate } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  bodyOf,
  classify,
  dataUrl,
  flushQueue,
  listQueue,
  putItem,
  type QueueItem,
  type QueueKind,
  removeItem,
  residentPage,
  type SendOutcome,
  SYNC_TAG,
} from "~/lib/offline-queue";

function sendWithXhr(item: QueueItem, onProgress: (fraction: number) => void): Promise<SendOutcome> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", dataUrl(item));
    xhr.timeout = 180_000;
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      void classify(xhr.status, { get: (n) => xhr.getResponseHeader(n) }, async () => xhr.responseText).then(resolve);
    };
    xhr.onerror = xhr.ontimeout = xhr.onabort = () => resolve({ kind: "retry" });
    xhr.send(bodyOf(item));
  });
}

function newId(): string | null {
  return typeof crypto !== "undefined" && typeof crypto.randomUUID === "function" ? crypto.randomUUID() : null;
}

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

type Notice = { kind: "saved"; id: string } | { kind: "sending"; percent: number } | null;

export function OfflineAgent() {
  const { t, i18n } = useTranslation("pwa");
  const navigate = useNavigate();
  const location = useLocation();
  const matches = useMatches();
  const [mounted, setMounted] = useState(false);
  const [items, setItems] = useState<QueueItem[]>([]);
  const [notice, setNotice] = useState<Notice>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  // Latest values for the listeners registered once.
  const live = useRef({ navigate, pathname: location.pathname, routeId: matches[matches.length - 1]?.id ?? "" });
  live.current = { navigate, pathname: location.pathname, routeId: matches[matches.length - 1]?.id ?? "" };
  const bypass = useRef<HTMLFormElement | null>(null);
  const registered = useRef<import("workbox-window").Workbox | null>(null);
  const dirty = useRef(false);
  // Asks a waiting new version to take over if no form is in progress (set once registered).
  const takeOver = useRef<() => void>(() => undefined);
  // The form is no longer in progress (its answer was sent or kept): a waiting version may take over.
  const markClean = useCallback(() => {
    dirty.current = false;
    takeOver.current();
  }, []);

  const refresh = useCallback(async () => {
    try {
      setItems(await listQueue());
    } catch {
      setItems([]);
    }
  }, []);

  /** Shows the outcome of items sent in the background: the thanks page or the tracking code. */
  const afterSend = useCallback(
    async (changed: QueueItem[]) => {
      for (const item of changed) {
        if (item.state === "sent" && item.location && item.action === live.current.pathname) {
          await removeItem(item.id);
          setNotice(null);
          live.current.navigate(item.location);
        }
      }
      await refresh();
    },
    [refresh],
  );

  const flush = useCallback(async () => {
    try {
      const { changed } = await flushQueue();
      await afterSend(changed);
    } catch {
      // IndexedDB unavailable (private mode): nothing was queued either
    }
  }, [afterSend]);

  useEffect(() => {
    setMounted(true);
    void refresh().then(() => (navigator.onLine ? flush() : undefined));
    const onOnline = () => void flush();
    window.addEventListener("online", onOnline);
    const onMessage = (e: MessageEvent) => {
      if ((e.data as { type?: string } | null)?.type === "ntm-queue") {
        void listQueue().then((all) => afterSend(all.filter((i) => i.state === "sent")));
      }
    };
    navigator.serviceWorker?.addEventListener("message", onMessage);
    return () => {
      window.removeEventListener("online", onOnline);
      navigator.serviceWorker?.removeEventListener("message", onMessage);
    };
  }, [refresh, flush, afterSend]);

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

  // A page shown from the phone's copy carries the submission id it had then: give each form shown a new one.
  useEffect(() => {
    dirty.current = false;
    for (const input of document.querySelectorAll<HTMLInputElement>("form[data-offline] input[name=submissionId]")) {
      const id = newId();
      if (id && !input.form?.dataset.kept) input.value = id;
    }
  }, [location.key]);

  const queue = useCallback(
    async (item: QueueItem) => {
      await putItem(item);
      // The answer is kept: the form is no longer in progress, whatever the sync registration does.
      markClean();
      await refresh();
      setNotice({ kind: "saved", id: item.id });
      requestAnimationFrame(() => noticeRef.current?.scrollIntoView({ block: "start" }));
      // The registration as it is now (none yet: the next visit or the "online" event sends it).
      const reg = await navigator.serviceWorker?.getRegistration().catch(() => undefined);
      const sync = (reg as (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | undefined)?.sync;
      if (reg?.active) await sync?.register(SYNC_TAG).catch(() => undefined);
    },
    [refresh, markClean],
  );

  useEffect(() => {
    async function handle(form: HTMLFormElement, kind: QueueKind, submitter: HTMLElement | null) {
      const fd = new FormData(form, submitter);
      const action = new URL(form.action || window.location.href, window.location.href);
      const fields: [string, string][] = [];
      const photos: QueueItem["photos"] = [];
      for (const [k, v] of fd.entries()) {
        if (typeof v === "string") fields.push([k, v]);
        else if (v.size > 0) photos.push({ name: v.name, type: v.type, blob: v });
      }
      const id = (fd.get("submissionId") as string | null) || newId() || String(Date.now());
      const label = document.querySelector("main h1")?.textContent?.trim() || document.title;
      const item: QueueItem = {
        id,
        kind,
        action: action.pathname + action.search,
        routeId: live.current.routeId,
        label,
        fields,
        photos,
        createdAt: Date.now(),
        state: "waiting",
      };
      const button = form.querySelector<HTMLButtonElement>("button[type=submit]");
      if (!navigator.onLine) {
        await queue(item);
        return;
      }
      if (button) button.disabled = true;
      setNotice({ kind: "sending", percent: 0 });
      const outcome = await sendWithXhr(item, (f) => setNotice({ kind: "sending", percent: Math.round(f * 100) }));
      if (button) button.disabled = false;
      if (outcome.kind === "sent") {
        setNotice(null);
        await removeItem(item.id).catch(() => undefined);
        markClean();
        live.current.navigate(outcome.location);
      } else if (outcome.kind === "retry") {
        await queue(item);
      } else {
        // The server read the form and refused it (a field to fix, a used ballot code): send it
        // the usual way once more so that the page shows the messages next to the fields.
        setNotice(null);
        form.dataset.kept = "1";
        bypass.current = form;
        form.requestSubmit(submitter instanceof HTMLButtonElement ? submitter : undefined);
      }
    }

    const onSubmit = (e: SubmitEvent) => {
      const form = e.target as HTMLFormElement;
      const kind = form.dataset.offline as QueueKind | undefined;
      if (kind !== "survey" && kind !== "report") return;
      if (bypass.current === form) {
        bypass.current = null;
        return;
      }
      // A button with its own formaction posts elsewhere ("check for similar reports" stores
      // nothing): not a submission to keep, the browser sends it as usual.
      if (e.submitter?.hasAttribute("formaction")) return;
      if (typeof indexedDB === "undefined") return;
      const action = new URL(form.action || window.location.href, window.location.href);
      if (action.pathname !== live.current.pathname) return;
      e.preventDefault();
      void handle(form, kind, e.submitter).catch(() => {
        // IndexedDB refused (private mode, full): the usual way
        bypass.current = form;
        form.requestSubmit();
      });
    };
    const onInput = (e: Event) => {
      if ((e.target as HTMLElement | null)?.closest?.("form[data-offline]")) dirty.current = true;
    };
    // Without signal, a link opens the page itself from the service worker (the phone's copy, or
    // the offline page) instead of fetching its data, which would fail into an error page.
    const onClick = (e: MouseEvent) => {
      if (navigator.onLine || !navigator.serviceWorker?.controller) return;
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
      const a = (e.target as HTMLElement | null)?.closest?.("a[href]") as HTMLAnchorElement | null;
      if (!a || a.target || a.hasAttribute("download") || a.origin !== window.location.origin) return;
      e.preventDefault();
      window.location.assign(a.href);
    };
    window.addEventListener("click", onClick, true);
    window.addEventListener("submit", onSubmit, true);
    window.addEventListener("input", onInput, true);
    window.addEventListener("change", onInput, true);
    return () => {
      window.removeEventListener("click", onClick, true);
      window.removeEventListener("submit", onSubmit, true);
      window.removeEventListener("input", onInput, true);
      window.removeEventListener("change", onInput, true);
    };
  }, [queue, markClean]);

  const cancel = async (id: string) => {
    await removeItem(id);
    if (notice?.kind === "saved" && notice.id === id) setNotice(null);
    await refresh();
  };

  if (!mounted || (!notice && items.length === 0)) return null;
  const time = (ms: number) =>
    new Intl.DateTimeFormat(i18n.language === "en" ? "en-GB" : "vi-VN", {
      hour: "2-digit",
      minute: "2-digit",
      day: "2-digit",
      month: "2-digit",
      timeZone: "Asia/Ho_Chi_Minh",
    }).format(ms);
  const reason = (item: QueueItem) => {
    const ns = item.kind === "survey" ? "survey" : "complaint";
    const prefix = item.kind === "survey" ? "formErrors" : "report.formErrors";
    const field = Object.values(item.error?.fieldErrors ?? {})[0];
    // A household ballot code refused on arrival (used meanwhile, round closed): the ballot page's message.
    if (item.error?.refused?.problem) return t(`ballot:${item.error.refused.problem}`, { code: item.error.refused.code });
    if (item.error?.formError) return t(`${ns}:${prefix}.${item.error.formError}`);
    if (field) return t(`${ns}:${field}`);
    return t("queue.refusedStatus", { status: item.status ?? 0 });
  };

  return (
    <div className="offline-panel" ref={noticeRef} data-testid="offline-panel">
      {notice?.kind === "sending" ? (
        <div className="offline-panel__sending" role="status">
          <p>{t("queue.sending", { percent: notice.percent })}</p>
          <progress max={100} value={notice.percent} />
        </div>
      ) : null}
      {notice?.kind === "saved" ? (
        <p className="offline-panel__saved" role="status">
          <strong>{t("queue.savedTitle")}</strong> {t("queue.savedBody")}
        </p>
      ) : null}
      {items.length > 0 ? (
        <section aria-labelledby="queue-heading">
          <h2 id="queue-heading">{t("queue.heading")}</h2>
          <ul className="queue-list">
            {items.map((item) => (
              <li key={item.id} data-state={item.state}>
                <span className="queue-list__what">
                  {t(`queue.kind.${item.kind}`)}: {item.label}
                  {item.photos.length > 0 ? ` · ${t("queue.photos", { count: item.photos.length })}` : null}
                </span>
                <span className="hint">
                  {item.state === "waiting" ? t("queue.waitingSince", { time: time(item.createdAt) }) : null}
                  {item.state === "sent" ? t("queue.sent") : null}
                  {item.state === "rejected" ? t("queue.refused", { reason: reason(item) }) : null}
                </span>
                {item.state === "sent" && item.location ? (
                  <Link to={item.location} className="button button--small" onClick={() => void removeItem(item.id)}>
                    {item.kind === "report" ? t("queue.seeCode") : t("queue.seeThanks")}
                  </Link>
                ) : null}
                <button type="button" className="button button--small" onClick={() => void cancel(item.id)}>
                  {item.state === "waiting" ? t("queue.cancel") : t("queue.dismiss")}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
