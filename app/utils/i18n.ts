// i18next set-up shared by server and browser. The server knows every language; the browser
// receives only the current language's strings, through the root loader (no extra request).
import i18next, { type i18n, type Resource } from "i18next";

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

/** A ready instance, initialised synchronously from in-memory strings. */
export function createI18n(lng: Language, resources: Resource): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng,
    fallbackLng: false,
    supportedLngs: [...LANGUAGES],
    ns: [...NAMESPACES],
    defaultNS: "common",
    resources,
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
    showSupportNotice: false,
  });
  return instance;
}

/** Pick the Vietnamese or English column of a database row: nameVi / nameEn. */
export function localized<K extends string>(row: Record<`${K}Vi` | `${K}En`, string>, field: K, lng: Language): string {
  return lng === "en" ? row[`${field}En`] : row[`${field}Vi`];
}

const serverInstances = new Map<string, i18n>();

/**
 * The instance a page renders with. On the server the strings of a language never change while
 * it runs, so one instance per language serves every request (making one costs about a
 * millisecond per page); in the browser, one per page load as before.
 */
export function i18nFor(lng: Language, resources: Resource): i18n {
  if (typeof document !== "undefined") return createI18n(lng, resources);
  // Pages carry different strings (namespacesFor): one instance per language and set of strings.
  const sets = Object.entries(resources[lng] ?? {}).map(([ns, keys]) => `${ns}(${Object.keys(keys).join()})`);
  const key = `${lng}|${sets.join("|")}`;
  let instance = serverInstances.get(key);
  if (!instance) serverInstances.set(key, (instance = createI18n(lng, resources)));
  return instance;
}

// What a page's HTML carries (decision 040): the strings its routes use, not all 19 namespaces
// (about 27 of the survey page's 31 KB compressed were strings of other pages). An entry is a
// namespace, or "namespace:key" for one part of it. tests/namespaces.test.ts reads every page's
// code and fails when it uses a string its page does not carry: add the namespace here.

/** Every page: the header, the error page, the offline queue's panel. */
const EVERY_PAGE = ["common", "pwa:queue", "pwa:photos", "pwa:photoCount", "pwa:offline", "security:errors", "ballot:codeErrors"];
const PAGES: [RegExp, string[]][] = [
  [/^\/$/, ["home", "shortcuts"]],
  [/^\/c\/[^/]+\/?$/, ["commune", "shortcuts", "complaint", "triage", "works", "ballot:commune"]],
  [
    /^\/c\/[^/]+\/survey\/?$/,
    ["survey", "commune", "notify", "privacy:survey", "privacy:notice", "ballot:haveCode", "ballot:codeLabel", "ballot:check"],
  ],
  [/^\/c\/[^/]+\/report\/?$/, ["complaint", "works", "privacy", "map", "notify", "triage"]],
  [/^\/c\/[^/]+\/thanks\/?$/, ["survey", "shortcuts", "commune"]],
  [/^\/c\/[^/]+\/code\/?$/, ["commune", "notify", "ballot"]],
  [/^\/c\/[^/]+\/me-too\/?$/, ["triage", "notify", "privacy", "complaint"]],
  [/^\/c\/[^/]+\/works(\/|$)/, ["works", "triage", "complaint"]],
  [/^\/b(\/|$)/, ["survey", "commune", "notify", "ballot"]],
  [/^\/t(\/|$)/, ["complaint", "privacy", "reach", "triage", "notify", "security:tracking"]],
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
