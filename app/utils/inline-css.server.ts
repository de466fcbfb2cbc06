// Reads a built stylesheet (/build/_assets/*.css, named by its content hash) for the page to carry
// inline (app/components/inline-styles.tsx, decision 040). Read once per file while the server runs.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

// The server bundle is build/index.js; the stylesheets are in public/build/_assets.
const PUBLIC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../public");
const cache = new Map<string, string>();

export function readStylesheet(href: string): string | undefined {
  if (!/^\/build\/_assets\/[\w.-]+\.css$/.test(href)) return undefined;
  let css = cache.get(href);
  if (css === undefined) {
    css = fs.readFileSync(path.join(PUBLIC, href), "utf8");
    cache.set(href, css);
  }
  return css;
}
