// The pages' small translator (pageI18n) against i18next, which stays the reference: every string
// of both languages, with its {{values}} filled in and, for plural strings, several counts, must
// read the same (decision 040).
import { describe, expect, it } from "vitest";
import { createI18n, resources } from "./i18n.server";
import { LANGUAGES, NAMESPACES, pageI18n, pickStrings, namespacesFor, type Resource } from "./i18n";

/** Every key of a namespace ("a.b.c"), plural forms folded into their base key. */
function keys(node: Record<string, unknown>, prefix = ""): string[] {
  const out = new Set<string>();
  for (const [k, v] of Object.entries(node)) {
    if (v && typeof v === "object") for (const sub of keys(v as Record<string, unknown>, `${prefix}${k}.`)) out.add(sub);
    else out.add(`${prefix}${k.replace(/_(zero|one|two|few|many|other)$/, "")}`);
  }
  return [...out];
}

describe("the pages' translator reads like i18next", () => {
  for (const lng of LANGUAGES) {
    it(`every ${lng} string, its values and plural forms`, () => {
      const all = resources[lng] as Record<string, Record<string, unknown>>;
      const reference = createI18n(lng, { [lng]: all } as Resource);
      const page = pageI18n(lng, { [lng]: all });
      let compared = 0;
      for (const ns of NAMESPACES) {
        const ref = reference.getFixedT(lng, ns);
        const mine = page.getFixedT(lng, ns);
        for (const key of keys(all[ns])) {
          for (const count of [undefined, 0, 1, 2, 21]) {
            const options = { name: "Vĩnh Bảo", date: "7/12/2026", code: "ABCD-EFGH", value: 3, count };
            expect(mine(key, options), `${lng} ${ns}:${key}`).toBe(ref(key, options));
            // The same string named with its namespace, from another namespace.
            expect(page.getFixedT(lng, "common")(`${ns}:${key}`, options)).toBe(ref(key, options));
            compared++;
          }
        }
      }
      expect(compared).toBeGreaterThan(1000);
    });
  }

  it("a key that is not there reads as the key, like i18next", () => {
    const page = pageI18n("vi", { vi: pickStrings(resources.vi, namespacesFor("/c/x/survey")) });
    const ref = createI18n("vi", { vi: pickStrings(resources.vi, namespacesFor("/c/x/survey")) } as Resource);
    for (const key of ["nothing.here", "survey:nothing", "staff:nav.rounds"]) {
      expect(page.getFixedT("vi", "survey")(key)).toBe(ref.getFixedT("vi", "survey")(key));
    }
  });

  it("Vietnamese has one plural form, English two", () => {
    const page = pageI18n("en", { en: resources.en as Record<string, Record<string, unknown>> });
    expect(page.getFixedT("en", "pwa")("photoCount", { count: 1 })).toBe(
      resources.en.pwa.photoCount_one.replace("{{count}}", "1"),
    );
    expect(page.getFixedT("en", "pwa")("photoCount", { count: 3 })).toBe(
      resources.en.pwa.photoCount_other.replace("{{count}}", "3"),
    );
  });
});
