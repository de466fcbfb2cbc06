// Translation shared by server and browser. The server knows every language; the browser
// receives only the current language's strings of the page, through the root loader (no extra
// request). The pages render with a small translator (pageI18n below) that react-i18next's
// useTranslation reads like an i18next instance: i18next itself (about 15 KB compressed) stays on
// the server (app/utils/i18n.server.ts: e-mails, titles) and in the tests, which check that both
// give the same text for every string (app/utils/i18n.test.ts). Decision 040.
import type { i18n } from "i18next";

export type Resource = Record<string, Record<string, Record<string, unknown>>>;

export const LANGUAGES = ["vi", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "vi";
export const NAMESPACES = [
  "common",
  "home",
  "survey",
  "commune",
  "complaint",
  "staff",
  "council",
  "shortcuts",
  "handling",
  "map",
  "security",
  "ballot",
  "notify",
  "pwa",
  "integrity",
  "triage",
  "works",
  "reach",
  "privacy",
  "news",
] as const;

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** Pick the Vietnamese or English column of a database row: nameVi / nameEn. */
export function localized<K extends string>(row: Record<`${K}Vi` | `${K}En`, string>, field: K, lng: Language): string {
  return lng === "en" ? row[`${field}En`] : row[`${field}Vi`];
}

type Options = { ns?: string | readonly string[]; count?: number; [name: string]: unknown };

/**
 * One string, as i18next (interpolation not escaped, React escapes) finds it: "ns:key.path" or
 * "key.path" in `ns`, the plural form of `key` for a numeric `count` (key_one, key_other: the
 * language's Intl plural rules), {{name}} replaced by options.name. A missing key gives the key.
 */
export function translate(
  lng: string,
  strings: Record<string, Record<string, unknown>>,
  ns: string,
  key: string,
  options?: Options,
): string {
  let namespace = typeof options?.ns === "string" ? options.ns : (options?.ns?.[0] ?? ns);
  let path = key;
  const colon = key.indexOf(":");
  if (colon > 0 && NAMESPACE_SET.has(key.slice(0, colon))) {
    namespace = key.slice(0, colon);
    path = key.slice(colon + 1);
  }
  const parts = path.split(".");
  const last = parts.pop()!;
  let node: unknown = strings[namespace];
  for (const part of parts) node = node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined;
  const table = node && typeof node === "object" ? (node as Record<string, unknown>) : undefined;
  let found: unknown;
  if (table && typeof options?.count === "number") {
    const rule = pluralRules(lng).select(options.count);
    found = table[`${last}_${rule}`] ?? table[last];
  } else if (table) found = table[last];
  if (typeof found !== "string") return path;
  // As with i18next: a value not passed leaves {{name}}, a value passed as undefined reads as nothing.
  return found.replace(/\{\{\s*([^}]+?)\s*\}\}/g, (whole, name: string) => {
    if (!options || !(name in options)) return whole;
    const value = options[name];
    return value === undefined || value === null ? "" : String(value);
  });
}

const NAMESPACE_SET = new Set<string>(NAMESPACES);
const rules = new Map<string, Intl.PluralRules>();
function pluralRules(lng: string): Intl.PluralRules {
  let r = rules.get(lng);
  if (!r) rules.set(lng, (r = new Intl.PluralRules(lng)));
  return r;
}
const noop = () => undefined;

/**
 * What react-i18next's useTranslation and our pages read of an i18next instance, over in-memory
 * strings: the instance a page renders with, on the server and in the browser alike (same text, no
 * hydration mismatch).
 */
export function pageI18n(lng: Language, resources: Resource): i18n {
  const strings = resources[lng] ?? {};
  const instance = {
    language: lng,
    languages: [lng],
    resolvedLanguage: lng,
    isInitialized: true,
    options: { defaultNS: "common", ns: [...NAMESPACES], react: {} },
    services: { logger: { warn: noop, forward: noop } },
    hasLoadedNamespace: () => true,
    loadNamespaces: (_ns: unknown, cb?: () => void) => cb?.(),
    loadLanguages: (_l: unknown, cb?: () => void) => cb?.(),
    on: noop,
    off: noop,
    store: { on: noop, off: noop },
    getFixedT: (_lng: string | null, ns?: string | readonly string[] | null) => {
      const fixed = (typeof ns === "string" ? ns : ns?.[0]) ?? "common";
      return (key: string | string[], options?: Options) =>
        translate(lng, strings, fixed, Array.isArray(key) ? key[0] : key, options);
    },
    t: (key: string, options?: Options) => translate(lng, strings, "common", key, options),
  };
  return instance as unknown as i18n;
}

// What a page's HTML carries (decision 040): the strings its routes use, not all 19 namespaces
// (about 27 of the survey page's 31 KB compressed were strings of other pages). An entry is a
// namespace, or "namespace:key" for one part of it. tests/namespaces.test.ts reads every page's
// code and fails when it uses a string its page does not carry: add the namespace here.

/** Every page: the header, the error page, the offline queue's panel. */
const EVERY_PAGE = ["common", "pwa:queue", "pwa:photos", "pwa:photoCount", "pwa:offline", "security:errors", "ballot:codeErrors"];
const PAGES: [RegExp, string[]][] = [
  [/^\/$/, ["home", "shortcuts"]],
  [
    /^\/c\/[^/]+\/?$/,
    [
      "commune",
      "shortcuts",
      "complaint:category",
      "complaint:status",
      "complaint:public",
      "complaint:track",
      "complaint:timeline",
      "triage:public",
      "triage:timeLeft",
      "triage:urgency",
      "triage:supporters",
      "works:summary",
      "works:category",
      "ballot:commune",
      "news:follow",
      "privacy:notice",
    ],
  ],
  [
    /^\/c\/[^/]+\/survey\/?$/,
    ["survey", "notify:form", "privacy:survey", "privacy:notice", "ballot:haveCode", "ballot:codeLabel", "ballot:check"],
  ],
  [/^\/c\/[^/]+\/report\/?$/, ["complaint", "works", "privacy", "map", "notify", "triage"]],
  [/^\/c\/[^/]+\/thanks\/?$/, ["survey", "shortcuts", "commune"]],
  [/^\/c\/[^/]+\/code\/?$/, ["commune", "notify", "ballot"]],
  [/^\/c\/[^/]+\/me-too\/?$/, ["triage", "notify", "privacy", "complaint", "news:code"]],
  [/^\/c\/[^/]+\/follow\/?$/, ["news:follow", "privacy:notice", "commune", "notify:form"]],
  [/^\/c\/[^/]+\/works(\/|$)/, ["works", "triage", "complaint"]],
  [/^\/b(\/|$)/, ["survey", "commune", "notify", "ballot", "shortcuts"]],
  [/^\/t(\/|$)/, ["complaint", "privacy", "reach", "triage", "notify", "security:tracking", "works:track"]],
  [/^\/confirm(\/|$)/, ["news:confirm", "news:confirmContact"]],
  [/^\/news(\/|$)/, ["news:confirm", "news:stop", "news:message"]],
  [/^\/privacy\/?$/, ["privacy"]],
  [/^\/fix(\/|$)/, ["reach", "notify"]],
  [/^\/unsubscribe(\/|$)/, ["notify", "complaint"]],
];

/** The strings the page at `pathname` needs; staff pages (and any page not listed) carry them all. */
export function namespacesFor(pathname: string): string[] {
  if (/^\/staff(\/|$)/.test(pathname)) return [...NAMESPACES];
  const page = PAGES.find(([re]) => re.test(pathname));
  return page ? [...EVERY_PAGE, ...page[1]] : [...EVERY_PAGE];
}

/** Whether the strings of `have` include every entry of `need` (a whole namespace covers its parts). */
export function carries(have: string[], need: string[]): boolean {
  const set = new Set(have);
  return need.every((entry) => set.has(entry) || set.has(entry.split(":")[0]));
}

/** The part of one language's strings that `entries` name (namespacesFor). */
export function pickStrings(
  all: Record<string, Record<string, unknown>>,
  entries: string[],
): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const entry of entries) {
    const [ns, key] = entry.split(":");
    const strings = all[ns];
    if (!strings) continue;
    if (!key) out[ns] = strings;
    else if (out[ns] !== strings) {
      const part = (out[ns] ??= {});
      // "pwa:photoCount" takes its plural forms too (photoCount_one, photoCount_other).
      for (const [k, v] of Object.entries(strings)) if (k === key || k.startsWith(`${key}_`)) part[k] = v;
    }
  }
  return out;
}
