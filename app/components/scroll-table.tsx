import type { ReactNode } from "react";

/**
 * A wide table on a phone scrolls sideways inside this frame, not the page. The frame is a named
 * region that takes keyboard focus, so a keyboard user can scroll it too (WCAG 2.1.1; axe-core's
 * "scrollable-region-focusable"). Every table that may be wider than a phone goes in one.
 */
export function ScrollTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
