// The offline queue: survey answers and problem reports the phone could not send yet, kept in
// IndexedDB (idb-keyval) under their submission id until the server has them. Shared by the page
// (app/components/offline-agent.tsx) and the service worker (app/sw/sw.ts, Background Sync): both
// send under one Web Lock, and the server de-duplicates by submission id, so an item is stored once.
import { createStore, del, entries, get, set, type UseStore } from "idb-keyval";

export type QueueKind = "survey" | "report";
export type QueuedPhoto = { name: string; type: string; blob: Blob };
export type QueueError = {
  formError?: string;
  fieldErrors?: Record<string, string>;
  /** a household ballot code that cannot be used (/b/<code>): unknown, used meanwhile, round closed */
  refused?: { problem?: string; code?: string };
};

export type QueueItem = {
  /** the form's submission id: the server stores it once, whatever the number of tries */
  id: string;
  kind: QueueKind;
  /** where the form posts, e.g. /c/vinh-bao/survey */
  action: string;
  /** the Remix route that answers it, for a data request (small answer, no HTML) */
  routeId: string;
  /** what the resident sees in the list: the page's title */
  label: string;
  fields: [string, string][];
  photos: QueuedPhoto[];
  createdAt: number;
  state: "waiting" | "sent" | "rejected";
  /** after sending: the thanks page or the tracking page */
  location?: string;
  /** after a refusal: the server's reason (message keys) */
  error?: QueueError;
  status?: number;
};

export const SYNC_TAG = "ntm-queue";

/**
 * The resident pages kept for use without a connection: the commune list, a commune's page, its
 * survey and its report form. For a commune page, its slug (the page's survey and report form are
 * kept with it); null for anything else. Nothing personal is ever stored on the phone (decision
 * 042): not a household ballot (/b/<code>: the code is in the address), not a tracking page
 * (/t/<code>), not a thanks page (it shows what the resident just sent), no staff page.
 */
export function residentPage(pathname: string): { slug: string | null } | null {
  const commune = /^\/c\/([a-z0-9-]+)(\/(survey|report))?\/?$/.exec(pathname);
  if (commune) return { slug: commune[1] };
  return pathname === "/" ? { slug: null } : null;
}

const LOCK = "ntm-queue";

let store: UseStore | undefined;
function db(): UseStore {
  store ??= createStore("ntm-offline", "queue");
  return store;
}

export async function listQueue(): Promise<QueueItem[]> {
  const all = await entries<string, QueueItem>(db());
  return all.map(([, v]) => v).sort((a, b) => a.createdAt - b.createdAt);
}

/** Keeps (or replaces, same submission id) an item to send later. */
export function putItem(item: QueueItem): Promise<void> {
  return set(item.id, item, db());
}

export function getItem(id: string): Promise<QueueItem | undefined> {
  return get<QueueItem>(id, db());
}

/** Cancel a waiting item, or clear a sent / refused one from the list. */
export function removeItem(id: string): Promise<void> {
  return del(id, db());
}

/** The request body: url-encoded for the survey, multipart (with the photos) for a report. */
export function bodyOf(item: Pick<QueueItem, "fields" | "photos" | "kind">): FormData | URLSearchParams {
  if (item.kind === "survey" && item.photos.length === 0) return new URLSearchParams(item.fields);
  const form = new FormData();
  for (const [k, v] of item.fields) form.append(k, v);
  for (const p of item.photos) form.append("photos", new File([p.blob], p.name, { type: p.type }));
  return form;
}

export function dataUrl(item: Pick<QueueItem, "action" | "routeId">): string {
  return `${item.action}${item.action.includes("?") ? "&" : "?"}_data=${encodeURIComponent(item.routeId)}`;
}

export type SendOutcome =
  | { kind: "sent"; location: string }
  /** the server read it and said no (a field, a used ballot code, already answered): do not retry */
  | { kind: "rejected"; status: number; error: QueueError }
  /** no signal, a timeout, the server busy or down: try again later */
  | { kind: "retry" };

/** What a Remix data response to a form post means for the queue. */
export async function classify(
  status: number,
  headers: { get(name: string): string | null },
  body: () => Promise<string>,
): Promise<SendOutcome> {
  const redirect = headers.get("X-Remix-Redirect");
  if (redirect) return { kind: "sent", location: redirect };
  if (status === 0 || status === 429 || status >= 500) return { kind: "retry" };
  let error: QueueError = {};
  try {
    error = JSON.parse(await body()) as QueueError;
  } catch {
    // not JSON (a 404 page): the reason is the status
  }
  return {
    kind: "rejected",
    status,
    error: {
      formError: error.formError,
      fieldErrors: error.fieldErrors,
      ...(error.refused ? { refused: { problem: error.refused.problem, code: error.refused.code } } : {}),
    },
  };
}

/** One attempt with fetch (service worker and background sending). */
export async function sendWithFetch(item: QueueItem): Promise<SendOutcome> {
  try {
    const res = await fetch(dataUrl(item), { method: "POST", body: bodyOf(item), credentials: "same-origin" });
    return await classify(res.status, res.headers, () => res.text());
  } catch {
    return { kind: "retry" };
  }
}

async function withLock<T>(fn: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks) return locks.request(LOCK, fn) as Promise<T>;
  return fn();
}

/** Records what happened to an item; returns the updated item. */
export async function settle(item: QueueItem, outcome: SendOutcome): Promise<QueueItem> {
  if (outcome.kind === "retry") return item;
  const next: QueueItem =
    outcome.kind === "sent"
      ? { ...item, state: "sent", location: outcome.location, fields: [], photos: [] }
      : { ...item, state: "rejected", status: outcome.status, error: outcome.error };
  await putItem(next);
  return next;
}

/**
 * Sends every waiting item once, oldest first, under a lock shared by every tab and the service
 * worker. Returns the items that changed state and whether some are still waiting.
 */
export function flushQueue(send: (item: QueueItem) => Promise<SendOutcome> = sendWithFetch) {
  return withLock(async () => {
    const changed: QueueItem[] = [];
    let waiting = 0;
    for (const listed of await listQueue()) {
      // Read again inside the lock: another tab or the worker may have sent or cancelled it.
      const item = await getItem(listed.id);
      if (!item || item.state !== "waiting") continue;
      const outcome = await send(item);
      if (outcome.kind === "retry") {
        waiting++;
        // No signal: the following items would fail the same way.
        if (!(globalThis.navigator as Navigator | undefined)?.onLine) break;
        continue;
      }
      changed.push(await settle(item, outcome));
    }
    return { changed, waiting };
  });
}
