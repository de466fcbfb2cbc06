// The answers kept on the phone (app/lib/offline-queue.ts): listed for the page, sent when the
// signal returns (the "online" event, the next visit, or Background Sync in the service worker,
// which then tells open pages), after which the resident sees the thanks page or the tracking code.
import { useLocation, useNavigate } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { flushQueue, listQueue, type QueueItem, removeItem } from "~/lib/offline-queue";

export type OfflineQueue = {
  /** true once the queue has been read in the browser (nothing is shown before) */
  mounted: boolean;
  items: QueueItem[];
  /** reads the queue again */
  refresh: () => Promise<void>;
  /** removes an item (cancel a waiting one, dismiss a sent or refused one) */
  cancel: (id: string) => Promise<void>;
};

/** `onShown(id)`: an item's result page was opened (or the item removed), its notice may go. */
export function useOfflineQueue(onShown: (id: string | null) => void): OfflineQueue {
  const navigate = useNavigate();
  const location = useLocation();
  const [mounted, setMounted] = useState(false);
  const [items, setItems] = useState<QueueItem[]>([]);
  // Latest values for the listeners registered once.
  const live = useRef({ navigate, pathname: location.pathname, onShown });
  live.current = { navigate, pathname: location.pathname, onShown };

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
          live.current.onShown(null);
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

  const cancel = useCallback(
    async (id: string) => {
      await removeItem(id);
      live.current.onShown(id);
      await refresh();
    },
    [refresh],
  );

  return { mounted, items, refresh, cancel };
}
