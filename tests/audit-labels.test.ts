// Every kind of audit event has a readable name on the audit page in both languages: a new kind
// without one showed its raw key ("audit.actions.photo_redacted") to the auditor.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS } from "~/models/audit.server";

const read = (lng: string) =>
  JSON.parse(fs.readFileSync(path.join(__dirname, "..", "locales", lng, "ballot.json"), "utf8")) as {
    audit: { actions: Record<string, string> };
  };

describe("audit event names", () => {
  for (const lng of ["vi", "en"]) {
    it(`every kind the audit page filters by has a ${lng} name`, () => {
      const names = read(lng).audit.actions;
      const missing = AUDIT_ACTIONS.filter((a) => !names[a]?.trim());
      expect(missing).toEqual([]);
    });
  }
});
