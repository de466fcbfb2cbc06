// The one confirmation after an action that reloads a page (decision 041): the action redirects
// with `?done=<kind>#done`, the page's loader accepts only its own known kinds, and this box shows
// the message at the top of the main content (the #done anchor brings it into view after the
// reload) and takes the focus, so a screen reader announces it. Used by the staff report page
// (replies, moves, forwarding, urgency, merging) and the resident's tracking page (rating, reopening).
import { useEffect, useRef, type ReactNode } from "react";

/** The `done` search parameter when it is one of `kinds`, else null (anything else is ignored). */
export function doneParam<K extends string>(url: string | URL, kinds: readonly K[]): K | null {
  const value = new URL(url).searchParams.get("done") ?? "";
  return (kinds as readonly string[]).includes(value) ? (value as K) : null;
}

/** The path an action redirects to so that the page shows the confirmation for `kind`. */
export function withDone(path: string, kind: string): string {
  return `${path}?done=${encodeURIComponent(kind)}#done`;
}

export function Confirmation({
  message,
  className = "action-done",
  children,
}: {
  /** null: no confirmation (the box still holds `children`, e.g. the next report's link) */
  message: string | null;
  className?: string;
  children?: ReactNode;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) box.current?.focus();
  }, [message]);
  if (!message && !children) return null;
  return (
    <div id="done" ref={box} tabIndex={-1} className={message ? className : "action-next"}>
      {message ? (
        <p role="status" data-testid="action-done">
          ✓ {message}
        </p>
      ) : null}
      {children}
    </div>
  );
}
