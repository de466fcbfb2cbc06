// A page's HTML carries only the strings its routes use (namespacesFor in app/utils/i18n.ts,
// decision 040). This test reads the code of every page that is not a staff page (the route file,
// the root, and everything they import under app/), collects the translation keys it names, and
// fails when one of them is not among the strings that page carries: a raw key on a resident's
// screen is caught here, not by a resident.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { resources } from "~/utils/i18n.server";
import { NAMESPACES, namespacesFor, pickStrings, carries } from "~/utils/i18n";

const APP = path.resolve(import.meta.dirname, "../app");
const known = new Set<string>(NAMESPACES);

function resolveImport(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("~/")) base = path.join(APP, spec.slice(2));
  else if (spec.startsWith(".")) base = path.resolve(path.dirname(from), spec);
  else return null;
  for (const c of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (fs.existsSync(c) && fs.statSync(c).isFile()) return c;
  }
  return null;
}

/** The file and every file of app/ it imports, directly or not (server files included: they return keys too). */
function closure(file: string, seen = new Set<string>()): Set<string> {
  // The table itself names parts of namespaces; it is not a page's code.
  if (seen.has(file) || file === path.join(APP, "utils/i18n.ts")) return seen;
  seen.add(file);
  const src = fs.readFileSync(file, "utf8");
  for (const m of src.matchAll(/(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)) {
    const target = resolveImport(file, m[1] ?? m[2]);
    if (target && !target.includes(`${path.sep}generated${path.sep}`)) closure(target, seen);
  }
  return seen;
}

/**
 * Keys a file names, each as the ways it may be read: "ns:key" anywhere, and t("key") in a file
 * whose useTranslation (or getFixedT) names ns (any of them: a file may hold several components).
 * A key ending in "." is the start of a template: some key under it must be there. Keys held in
 * variables are not seen: the browser tests' pages are the second net.
 */
function keysOf(file: string): { key: string; options: string[] }[] {
  const src = fs.readFileSync(file, "utf8");
  const keys: { key: string; options: string[] }[] = [];
  for (const m of src.matchAll(/["'`]([a-z]+):([a-zA-Z][\w.]*|\$\{)/g)) {
    const key = `${m[1]}:${m[2] === "${" ? "" : m[2]}`;
    if (known.has(m[1])) keys.push({ key, options: [key] });
  }
  // A server file's own t() runs on the server, which has every string (e-mails, titles).
  if (/\.server\.tsx?$/.test(file)) return keys;
  const declared = new Set<string>();
  for (const m of src.matchAll(/useTranslation\(\s*\[?\s*["']([a-z]+)["']|getFixedT\([^,()]+,\s*["']([a-z]+)["']/g))
    declared.add(m[1] ?? m[2]);
  if (/useTranslation\(\s*\)/.test(src)) declared.add("common");
  for (const m of src.matchAll(/\bt\(\s*["'`]([a-zA-Z][\w.]*)(?:["'`]|\$\{)/g)) {
    if (declared.size > 0) keys.push({ key: m[1], options: [...declared].map((ns) => `${ns}:${m[1]}`) });
  }
  return keys;
}

/** Whether `strings` has the key (or its plural forms, or the subtree a template starts). */
function has(strings: Record<string, Record<string, unknown>>, key: string): boolean {
  const [ns, rest] = key.split(":");
  let node: unknown = strings[ns];
  const parts = rest.split(".").filter(Boolean);
  for (const [i, part] of parts.entries()) {
    if (typeof node !== "object" || node === null) return false;
    const obj = node as Record<string, unknown>;
    if (part in obj) node = obj[part];
    else return i === parts.length - 1 && Object.keys(obj).some((k) => k.startsWith(`${part}_`));
  }
  return node !== undefined;
}

/** A path that the route file answers: c.$slug.survey.tsx -> /c/x/survey. */
function samplePath(routeFile: string): string {
  const segments = routeFile
    .replace(/\.tsx?$/, "")
    .split(".")
    .filter((s) => s !== "_index")
    .map((s) => (s.startsWith("$") ? "x" : s.replace(/_$/, "")));
  return `/${segments.join("/")}`;
}

// The pages (a default export); resource routes (healthz, open311, photos) render no strings.
const routeFiles = fs
  .readdirSync(path.join(APP, "routes"))
  .filter((f) => !f.startsWith("staff") && !f.includes(".test."))
  .filter((f) => /export default/.test(fs.readFileSync(path.join(APP, "routes", f), "utf8")));
const rootFiles = closure(path.join(APP, "root.tsx"));

describe("each resident page carries the strings its code uses", () => {
  it("finds the pages and their keys (the reader works)", () => {
    expect(routeFiles).toContain("c.$slug.survey.tsx");
    expect(samplePath("c.$slug.survey.tsx")).toBe("/c/x/survey");
    expect(samplePath("t.$code_.privacy.tsx")).toBe("/t/x/privacy");
    expect(samplePath("_index.tsx")).toBe("/");
    const survey = [...closure(path.join(APP, "routes/c.$slug.survey.tsx"), new Set(rootFiles))].flatMap(keysOf);
    expect(survey.map((k) => k.key)).toContain("privacy:survey.notice");
    expect(survey.flatMap((k) => k.options)).toContain("survey:heading");
    expect(has(resources.vi, "pwa:photoCount")).toBe(true);
    expect(has(resources.vi, "triage:status.")).toBe(false);
  });

  it.each(routeFiles)("%s", (file) => {
    const pathname = samplePath(file);
    const entries = namespacesFor(pathname);
    const strings = pickStrings(resources.vi, entries);
    const files = closure(path.join(APP, "routes", file), new Set(rootFiles));
    for (const f of rootFiles) files.add(f);
    const missing = [
      ...new Set(
        [...files].flatMap((f) =>
          keysOf(f)
            .filter((k) => !k.options.some((option) => has(strings, option)))
            .map((k) => `${k.options.join(" | ")}  (${path.relative(APP, f)})`),
        ),
      ),
    ];
    expect(missing, `${pathname} uses strings it does not carry: add them to namespacesFor`).toEqual([]);
  });

  it("staff pages carry every namespace, and a resident page none of the staff-only ones", () => {
    expect(namespacesFor("/staff/rounds")).toEqual([...NAMESPACES]);
    for (const p of ["/", "/c/x", "/c/x/survey"]) {
      for (const ns of ["staff", "council", "integrity", "handling"]) expect(namespacesFor(p)).not.toContain(ns);
    }
  });

  it("a navigation reloads the strings only when the next page needs more", () => {
    expect(carries(namespacesFor("/staff"), namespacesFor("/c/x/survey"))).toBe(true);
    expect(carries(namespacesFor("/c/x/survey"), namespacesFor("/c/x/survey"))).toBe(true);
    expect(carries(namespacesFor("/"), namespacesFor("/c/x/survey"))).toBe(false);
    expect(carries(["ballot"], ["ballot:codeErrors"])).toBe(true);
    expect(carries(["ballot:codeErrors"], ["ballot"])).toBe(false);
  });
});
