import { describe, expect, it } from "vitest";
import { AFTER_LOAD_SCRIPT, scriptsAfterLoad } from "./scripts-after-load";
import { deferScripts } from "./scripts-after-load.server";

// The shape Remix 2 writes at the end of a page (components.tsx, <Scripts />).
const remixTail = (loader: boolean) =>
  `<body><main>…</main>${loader ? `<script nonce="n1">${AFTER_LOAD_SCRIPT}</script>` : ""}` +
  `<link rel="modulepreload" href="/build/entry.client-A.js"/><link rel="modulepreload" href="/build/root-B.js"/>` +
  `<script nonce="n1">window.__remixContext = {};</script>` +
  `<script nonce="n1" type="module" async="">import * as route0 from "/build/root-B.js";import("/build/entry.client-A.js");</script></body>`;

describe("scripts after the load event", () => {
  it("makes Remix's preloads and module script inert, and leaves the loader that turns them on intact", () => {
    const { html, deferred } = deferScripts(remixTail(true));
    expect(deferred).toBe(true);
    expect(html).not.toContain('<link rel="modulepreload"');
    expect(html).not.toMatch(/<script[^>]* type="module"/);
    expect(html).toContain('<link rel="x-after-load-modulepreload" href="/build/root-B.js"/>');
    expect(html).toContain('<script nonce="n1" type="x-after-load-module">import * as route0');
    // The loader's own words: it must still create real module preloads and a module script.
    expect(html).toContain(AFTER_LOAD_SCRIPT);
    expect(AFTER_LOAD_SCRIPT).toContain('n.rel="modulepreload"');
    expect(AFTER_LOAD_SCRIPT).toContain('n.type="module"');
  });

  it("changes nothing when the page has no loader or Remix's output has another shape", () => {
    expect(deferScripts(remixTail(false))).toEqual({ html: remixTail(false), deferred: false });
    const other = remixTail(true).replace(' type="module" async=""', ' type="module"');
    expect(deferScripts(other)).toEqual({ html: other, deferred: false });
  });

  it("is chosen by the page shown, not by a parent route", () => {
    expect(scriptsAfterLoad([{ handle: undefined }, { handle: { scripts: "after-load" } }])).toBe(true);
    expect(scriptsAfterLoad([{ handle: { scripts: "after-load" } }, { handle: {} }])).toBe(false);
    expect(scriptsAfterLoad([])).toBe(false);
  });
});
