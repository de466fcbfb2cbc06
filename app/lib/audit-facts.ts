// A round's log in words for people (issue 23): each audit event's figures become short phrases
// ("2 communes", "from 08/12/2026 to 15/12/2026", "household codes required") that the page
// translates; figures only an auditor needs (seeds, margins, raw changes) stay out of the sentence
// and are shown raw in the log's "details for auditors" fold.
import { formatDate } from "./format";

/** One phrase of an event's sentence: a translation key (namespace ballot, under audit.facts) and its values. */
export type AuditFact = { key: string; values?: Record<string, string | number> };

const isoDay = /^\d{4}-\d{2}-\d{2}$/;
const day = (v: unknown) => (typeof v === "string" && isoDay.test(v) ? formatDate(`${v}T00:00:00+07:00`, "vi") : null);
const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : null);
const text = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v.trim() : null);

/** The phrases of one event, in reading order; keys the event does not carry are left out. */
export function auditFacts(action: string, detail: Record<string, unknown>): AuditFact[] {
  const facts: AuditFact[] = [];
  const add = (key: string, values?: Record<string, string | number>) => facts.push({ key, values });
  const name = text(detail.name);
  if (name && (action === "round_created" || action === "round_approved")) add("name", { name });
  if (detail.purpose === "routine" || detail.purpose === "pre_recognition") add(`purpose_${detail.purpose}`);
  const from = day(detail.startsOn);
  const to = day(detail.endsOn);
  if (from && to) add("dates", { from, to });
  if (typeof detail.codesRequired === "boolean") add(detail.codesRequired ? "codesRequired" : "codesOpen");
  const village = text(detail.village);
  if (village) add("village", { village });
  const batch = num(detail.batch);
  if (batch !== null) add("batch", { batch });
  const count = num(detail.count);
  const communes = num(detail.communes);
  if (communes !== null) add("communes", { count: communes });
  const households = num(detail.households);
  if (households !== null && action !== "codes_generated") add("households", { count: households });
  switch (action) {
    case "codes_generated":
    case "codes_printed":
    case "batch_sealed":
      if (count !== null) add("codes", { count });
      break;
    case "paper_entered":
    case "paper_late":
      if (count !== null) add("ballots", { count });
      if (num(detail.verified) !== null && num(detail.open) !== null)
        add("ballotsSplit", { verified: num(detail.verified)!, open: num(detail.open)! });
      break;
    case "answers_excluded":
      if (count !== null) add("answers", { count });
      break;
    case "recheck_drawn": {
      const size = num(detail.size);
      const population = num(detail.population);
      if (size !== null && population !== null) add("sample", { size, population });
      break;
    }
    case "recheck_recorded":
      if (count !== null) add("visits", { count });
      break;
  }
  const reason = text(detail.reason);
  if (reason) add("reason", { reason });
  return facts;
}
