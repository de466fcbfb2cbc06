// What makes the resident pages work with a weak signal (issue 13), all in the browser and only
// once JavaScript has loaded; without it the forms post as before. It composes:
// - useServiceWorker (app/hooks/use-service-worker.ts): registers public/sw.js after the page has
//   loaded; a new version takes over only when no form on the page is being filled in.
// - useOfflineSubmit (app/hooks/use-offline-submit.ts): forms marked data-offline="survey" |
//   "report" are sent with upload progress; with no signal or a failed send they are kept on the
//   phone (app/lib/offline-queue.ts) and the page says so.
// - useOfflineQueue (app/hooks/use-offline-queue.ts): waiting items are sent when the signal
//   returns (Background Sync in the service worker where the browser has it, the "online" event
//   and the next visit otherwise); the resident then sees the thanks page or the tracking code.
// - useOfflineLinks (app/hooks/use-offline-links.ts): without signal, links open the phone's copy.
// - QueuePanel (app/components/queue-panel.tsx): the notice and the waiting items, each with a
//   cancel button.
import { useCallback, useEffect, useRef, useState } from "react";
import { QueuePanel } from "~/components/queue-panel";
import { useOfflineLinks } from "~/hooks/use-offline-links";
import { useOfflineQueue } from "~/hooks/use-offline-queue";
import { type Notice, useOfflineSubmit } from "~/hooks/use-offline-submit";
import { useServiceWorker } from "~/hooks/use-service-worker";
import { removeItem } from "~/lib/offline-queue";

export function OfflineAgent() {
  const [notice, setNotice] = useState<Notice>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  // An item's result was shown (null: any notice goes) or the item removed (its "saved" notice goes).
  const onShown = useCallback((id: string | null) => {
    setNotice((current) => (id === null || (current?.kind === "saved" && current.id === id) ? null : current));
  }, []);
  const { mounted, items, refresh, cancel } = useOfflineQueue(onShown);
  const { markClean } = useServiceWorker();
  useOfflineSubmit({ setNotice, noticeRef, refresh, markClean });
  useOfflineLinks();
  // It arrives after the page's load event (offline-agent-loader.tsx): scripts and browser tests
  // can tell when forms are sent by it (progress, kept without signal) rather than posted.
  useEffect(() => {
    document.documentElement.dataset.offlineAgent = "ready";
  }, []);

  if (!mounted || (!notice && items.length === 0)) return null;
  return (
    <QueuePanel
      notice={notice}
      items={items}
      onCancel={(id) => void cancel(id)}
      onOpen={(id) => void removeItem(id)}
      panelRef={noticeRef}
    />
  );
}
