import i18next, { type i18n, type Resource } from "i18next";
import viCommon from "../../locales/vi/common.json";
import viHome from "../../locales/vi/home.json";
import viSurvey from "../../locales/vi/survey.json";
import viCommune from "../../locales/vi/commune.json";
import viComplaint from "../../locales/vi/complaint.json";
import viStaff from "../../locales/vi/staff.json";
import viCouncil from "../../locales/vi/council.json";
import viShortcuts from "../../locales/vi/shortcuts.json";
import viHandling from "../../locales/vi/handling.json";
import viMap from "../../locales/vi/map.json";
import viPwa from "../../locales/vi/pwa.json";
import viBallot from "../../locales/vi/ballot.json";
import viSecurity from "../../locales/vi/security.json";
import viNotify from "../../locales/vi/notify.json";
import viIntegrity from "../../locales/vi/integrity.json";
import viTriage from "../../locales/vi/triage.json";
import viReach from "../../locales/vi/reach.json";
import viPrivacy from "../../locales/vi/privacy.json";
import viNews from "../../locales/vi/news.json";
import enCommon from "../../locales/en/common.json";
import enHome from "../../locales/en/home.json";
import enSurvey from "../../locales/en/survey.json";
import enCommune from "../../locales/en/commune.json";
import enComplaint from "../../locales/en/complaint.json";
import enStaff from "../../locales/en/staff.json";
import enCouncil from "../../locales/en/council.json";
import enShortcuts from "../../locales/en/shortcuts.json";
import enHandling from "../../locales/en/handling.json";
import enMap from "../../locales/en/map.json";
import enPwa from "../../locales/en/pwa.json";
import enBallot from "../../locales/en/ballot.json";
import enSecurity from "../../locales/en/security.json";
import enNotify from "../../locales/en/notify.json";
import enIntegrity from "../../locales/en/integrity.json";
import enTriage from "../../locales/en/triage.json";
import enWorks from "../../locales/en/works.json";
import viWorks from "../../locales/vi/works.json";
import enReach from "../../locales/en/reach.json";
import enPrivacy from "../../locales/en/privacy.json";
import enNews from "../../locales/en/news.json";
import { languageCookie } from "./cookies.server";
import { DEFAULT_LANGUAGE, isLanguage, LANGUAGES, NAMESPACES, namespacesFor, pickStrings, type Language } from "./i18n";

export const resources = {
  vi: {
    common: viCommon,
    home: viHome,
    survey: viSurvey,
    commune: viCommune,
    complaint: viComplaint,
    staff: viStaff,
    council: viCouncil,
    shortcuts: viShortcuts,
    handling: viHandling,
    map: viMap,
    pwa: viPwa,
    ballot: viBallot,
    security: viSecurity,
    notify: viNotify,
    integrity: viIntegrity,
    triage: viTriage,
    works: viWorks,
    reach: viReach,
    privacy: viPrivacy,
    news: viNews,
  },
  en: {
    common: enCommon,
    home: enHome,
    survey: enSurvey,
    commune: enCommune,
    complaint: enComplaint,
    staff: enStaff,
    council: enCouncil,
    shortcuts: enShortcuts,
    handling: enHandling,
    map: enMap,
    pwa: enPwa,
    ballot: enBallot,
    security: enSecurity,
    notify: enNotify,
    integrity: enIntegrity,
    triage: enTriage,
    works: enWorks,
    reach: enReach,
    privacy: enPrivacy,
    news: enNews,
  },
} satisfies Record<Language, Resource[string]>;

/** Vietnamese unless the resident chose English with the switch (remembered in a cookie). */
export async function getLanguage(request: Request): Promise<Language> {
  const chosen = await languageCookie.parse(request.headers.get("Cookie"));
  return isLanguage(chosen) ? chosen : DEFAULT_LANGUAGE;
}

/** An i18next instance, initialised synchronously from in-memory strings (the server's translations). */
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

const instances = new Map(LANGUAGES.map((lng) => [lng, createI18n(lng, { [lng]: resources[lng] })]));

const pageStringsCache = new Map<string, Record<string, Record<string, unknown>>>();

/**
 * The strings the page at `pathname` carries in `lng` (namespacesFor, decision 040). The root
 * loader runs on every page load, the survey rush included: picked once per language and kind of
 * page while the server runs, not on every request.
 */
export function pageStrings(lng: Language, pathname: string): Record<string, Record<string, unknown>> {
  const entries = namespacesFor(pathname);
  const key = `${lng}|${entries.join(",")}`;
  let strings = pageStringsCache.get(key);
  if (!strings) pageStringsCache.set(key, (strings = pickStrings(resources[lng], entries)));
  return strings;
}

/** A translation function for loaders and actions (page titles, e-mails, CSV headers). */
export function getFixedT(lng: Language, ns: string = "common") {
  return instances.get(lng)!.getFixedT(lng, ns);
}
