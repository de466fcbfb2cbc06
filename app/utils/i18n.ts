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
  let instance = serverInstances.get(lng);
  if (!instance) serverInstances.set(lng, (instance = createI18n(lng, resources)));
  return instance;
}
