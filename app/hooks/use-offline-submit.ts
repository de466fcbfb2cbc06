// Forms marked data-offline="survey" | "report" are sent with upload progress; with no signal or a
// failed send they are kept on the phone (app/lib/offline-queue.ts) and the page says so (issue 13).
import { useLocation, useMatches, useNavigate } from "@remix-run/react";
import { type RefObject, useCallback, useEffect, useRef } from "react";
import {
  bodyOf,
  classify,
  dataUrl,
  putItem,
  type QueueItem,
  type QueueKind,
  removeItem,
  type SendOutcome,
  SYNC_TAG,
} from "~/lib/offline-queue";

/** What the page says about the form just submitted: kept on the phone, or the upload progress. */
export type Notice = { kind: "saved"; id: string } | { kind: "sending"; percent: number } | null;

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

/** Tells the form's send button (components/send-button.tsx) how far the upload is; null: done with. */
function progress(form: HTMLFormElement, percent: number | null) {
  form.dispatchEvent(new CustomEvent("send-progress", { detail: { percent } }));
}

function newId(): string | null {
  return typeof crypto !== "undefined" && typeof crypto.randomUUID === "function" ? crypto.randomUUID() : null;
}

type Options = {
  setNotice: (notice: Notice) => void;
  /** the panel scrolled into view when an answer is kept */
  noticeRef: RefObject<HTMLElement | null>;
  /** reads the queue again (an item was kept) */
  refresh: () => Promise<void>;
  /** the form is no longer in progress (from useServiceWorker) */
  markClean: () => void;
};

export function useOfflineSubmit({ setNotice, noticeRef, refresh, markClean }: Options): void {
  const navigate = useNavigate();
  const location = useLocation();
  const matches = useMatches();
  // Latest values for the listeners registered once.
  const live = useRef({ navigate, pathname: location.pathname, routeId: matches[matches.length - 1]?.id ?? "" });
  live.current = { navigate, pathname: location.pathname, routeId: matches[matches.length - 1]?.id ?? "" };
  const bypass = useRef<HTMLFormElement | null>(null);

  // A page shown from the phone's copy carries the submission id it had then: give each form shown a new one.
  useEffect(() => {
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
    [refresh, markClean, setNotice, noticeRef],
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
      // A form with its own progress beside the button shows it there; others in the panel on top.
      const inline = form.querySelector("[data-send-progress]") !== null;
      const show = (percent: number) => (inline ? progress(form, percent) : setNotice({ kind: "sending", percent }));
      const release = () => {
        delete form.dataset.sending;
        if (button) button.disabled = false;
        if (inline) progress(form, null);
      };
      form.dataset.sending = "1";
      if (button) button.disabled = true;
      show(0);
      const outcome = await sendWithXhr(item, (f) => show(Math.round(f * 100)));
      if (outcome.kind === "sent") {
        // The button stays disabled until the next page replaces the form: a tap while it loads
        // would send the same report again.
        setNotice(null);
        await removeItem(item.id).catch(() => undefined);
        markClean();
        live.current.navigate(outcome.location);
      } else if (outcome.kind === "retry") {
        release();
        await queue(item);
      } else {
        release();
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
      // A form with questions left (noValidate: the form's own handler points at them): not sent.
      if (!form.checkValidity()) return;
      // Being sent already (a second tap): nothing more goes out.
      if (form.dataset.sending) {
        e.preventDefault();
        return;
      }
      const action = new URL(form.action || window.location.href, window.location.href);
      if (action.pathname !== live.current.pathname) return;
      e.preventDefault();
      void handle(form, kind, e.submitter).catch(() => {
        // IndexedDB refused (private mode, full): the usual way
        bypass.current = form;
        form.requestSubmit();
      });
    };
    window.addEventListener("submit", onSubmit, true);
    return () => window.removeEventListener("submit", onSubmit, true);
  }, [queue, markClean, setNotice]);
}
