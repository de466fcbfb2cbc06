// Pages whose JavaScript waits for the load event (issue 25, decision 040).
//
// Remix puts its scripts at the end of the page as module scripts and module preloads, and the
// browser's load event waits for every one of them: on the home page that is 91 KB of JavaScript,
// about 2 s at 400 kbit/s, before the phone stops showing the page as loading. A page that works
// entirely without JavaScript (home: links and a GET search form) declares
// `handle = { scripts: "after-load" }`: the server writes Remix's preloads and module script in an
// inert form (`deferScripts` in scripts-after-load.server.ts, called by entry.server.tsx) and a
// small inline script turns them back on once the page has loaded. The page is then complete and
// usable on its HTML; the same files are fetched in one wave right after, and the page becomes
// interactive (live search, the offline agent, client navigation) when they arrive. Pages where
// JavaScript guards something early (the survey and report forms: the send button's single tap,
// the kept answers) keep the usual order.

export type PageHandle = { scripts?: "after-load" };

export const INERT_PRELOAD = "x-after-load-modulepreload";
export const INERT_MODULE = "x-after-load-module";

/** Whether the page being shown (the deepest route) waits for the load event. */
export function scriptsAfterLoad(matches: readonly { handle?: unknown }[]): boolean {
  const handle = matches.at(-1)?.handle as PageHandle | undefined;
  return handle?.scripts === "after-load";
}

/**
 * The inline script that turns the inert preloads back on and runs Remix's module script once the
 * page has loaded. Each new element takes the place of the inert one (same element type, same
 * spot), so React hydrates the document unchanged. (Changing a link's `rel` in place does not
 * start the fetch in Chromium: the modules then came one import level at a time, 3 s later.)
 */
export const AFTER_LOAD_SCRIPT = `addEventListener("load",function(){function swap(o,n){n.nonce=o.nonce;o.replaceWith(n)}document.querySelectorAll('link[rel="${INERT_PRELOAD}"]').forEach(function(o){var n=document.createElement("link");n.rel="modulepreload";n.href=o.href;swap(o,n)});var s=document.querySelector('script[type="${INERT_MODULE}"]');if(!s)return;var n=document.createElement("script");n.type="module";n.textContent=s.textContent;swap(s,n)});`;
