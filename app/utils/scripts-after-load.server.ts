// The server's half of utils/scripts-after-load.ts: Remix's preloads and module script made inert
// in the HTML of a page whose scripts wait for the load event.
import { AFTER_LOAD_SCRIPT, INERT_MODULE, INERT_PRELOAD } from "./scripts-after-load";

/**
 * Remix's preloads and module script made inert, in the server's HTML of a page that waits for
 * the load event. If Remix's output ever changes shape the page keeps its scripts in the usual
 * order (`deferred` is false); tests/e2e/assets.test.ts fails then.
 */
export function deferScripts(html: string): { html: string; deferred: boolean } {
  const moduleScript = /(<script\b[^>]*?) type="module" async=""/;
  if (!moduleScript.test(html) || !html.includes(AFTER_LOAD_SCRIPT)) return { html, deferred: false };
  return {
    html: html
      .replace(moduleScript, `$1 type="${INERT_MODULE}"`)
      .replaceAll('<link rel="modulepreload"', `<link rel="${INERT_PRELOAD}"`),
    deferred: true,
  };
}
