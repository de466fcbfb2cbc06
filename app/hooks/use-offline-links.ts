// Without signal, a link opens the page itself from the service worker (the phone's copy, or the
// offline page) instead of fetching its data, which would fail into an error page (issue 13).
import { useEffect } from "react";

export function useOfflineLinks(): void {
  useEffect(() => {
    const onClick = (e: MouseEvent) => {
      if (navigator.onLine || !navigator.serviceWorker?.controller) return;
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
      const a = (e.target as HTMLElement | null)?.closest?.("a[href]") as HTMLAnchorElement | null;
      if (!a || a.target || a.hasAttribute("download") || a.origin !== window.location.origin) return;
      e.preventDefault();
      window.location.assign(a.href);
    };
    window.addEventListener("click", onClick, true);
    return () => window.removeEventListener("click", onClick, true);
  }, []);
}
