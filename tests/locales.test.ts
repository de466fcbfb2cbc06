// Every user-facing string exists in both languages, and every literal key the code asks for exists.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LANGUAGES, NAMESPACES } from "~/utils/i18n";

type Tree = { [k: string]: string | Tree };
const load = (lng: string, ns: string): Tree => JSON.parse(fs.readFileSync(`locales/${lng}/${ns}.json`, "utf8"));

function flatten(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [prefix + k] : flatten(v, `${prefix}${k}.`)));
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" ? [] : sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

describe("locales", () => {
  it("has a file per language and namespace, and nothing else", () => {
    for (const lng of LANGUAGES) {
      expect(fs.readdirSync(`locales/${lng}`).sort()).toEqual(NAMESPACES.map((ns) => `${ns}.json`).sort());
    }
  });

  it.each(NAMESPACES)("namespace %s has the same keys in vi and en, none empty", (ns) => {
    const vi = flatten(load("vi", ns)).sort();
    const en = flatten(load("en", ns)).sort();
    expect(vi).toEqual(en);
    for (const lng of LANGUAGES) {
      const tree = load(lng, ns);
      for (const key of flatten(tree)) {
        const value = key.split(".").reduce<Tree | string>((t, k) => (t as Tree)[k], tree);
        expect(String(value).trim(), `${lng}/${ns}:${key}`).not.toBe("");
      }
    }
  });

  it("has every key the code uses literally", () => {
    const missing: string[] = [];
    const keys = new Map(NAMESPACES.map((ns) => [ns, new Set(flatten(load("vi", ns)))]));
    const has = (ns: string, key: string) => {
      const set = keys.get(ns as (typeof NAMESPACES)[number]);
      return !!set && (set.has(key) || set.has(`${key}_one`) || set.has(`${key}_other`));
    };
    for (const file of sourceFiles("app")) {
      const src = fs.readFileSync(file, "utf8");
      const defaultNs = /useTranslation\("(\w+)"\)/.exec(src)?.[1] ?? /getFixedT\([^,]+,\s*"(\w+)"\)/.exec(src)?.[1] ?? "common";
      for (const m of src.matchAll(/\bt\("([\w.:]+)"/g)) {
        const [ns, key] = m[1].includes(":") ? m[1].split(":") : [defaultNs, m[1]];
        if (!has(ns, key)) missing.push(`${file}: ${ns}:${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
