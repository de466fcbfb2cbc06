// The offline agent (components/offline-agent.tsx: the service worker, the kept answers, the send
// progress) is about 3 KB of compressed JavaScript that nothing on screen needs before the page is
// interactive: it renders nothing until something is waiting. So the root loads it as a chunk of its
// own once the page has loaded (issue 25: after the load event, so that it never competes with the
// page's own files on a thin link), instead of in the first-load JavaScript every resident page
// waits for. The service worker was registered after the load event already. A form sent before
// the agent arrives is sent by Remix or, without JavaScript, posted.
import { lazy, Suspense, useEffect, useState } from "react";

const OfflineAgent = lazy(() => import("~/components/offline-agent").then((m) => ({ default: m.OfflineAgent })));

export function OfflineAgentLoader() {
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    if (document.readyState === "complete") return setLoaded(true);
    const onLoad = () => setLoaded(true);
    window.addEventListener("load", onLoad, { once: true });
    return () => window.removeEventListener("load", onLoad);
  }, []);
  if (!loaded) return null;
  return (
    <Suspense fallback={null}>
      <OfflineAgent />
    </Suspense>
  );
}
