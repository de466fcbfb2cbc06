// The dashboard's filters and sort, parsed from the URL so that a view can be shared as a link.
import { z } from "zod";
import type { DashboardRowLike } from "./dashboard-types";
import { sortRows } from "./dashboard";
import { VERDICTS } from "./score";
import { CommuneKind, Region } from "~/generated/prisma/enums";

export const SORT_KEYS = [
  "name",
  "region",
  "district",
  "level",
  "overall",
  "roads",
  "environment",
  "water",
  "security",
  "n",
  "coverage",
  "open",
  "overdue",
  "resolution",
  "verdict",
] as const;

export const DashboardQuerySchema = z.object({
  region: z.enum(Region).optional().catch(undefined),
  district: z.string().max(200).optional().catch(undefined),
  level: z.string().max(100).optional().catch(undefined),
  verdict: z.enum(VERDICTS).optional().catch(undefined),
  kind: z.enum(CommuneKind).optional().catch(undefined),
  sort: z.enum(SORT_KEYS).catch("name"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
});

export type DashboardQuery = z.infer<typeof DashboardQuerySchema>;

export function parseDashboardQuery(params: URLSearchParams): DashboardQuery {
  return DashboardQuerySchema.parse(Object.fromEntries([...params].filter(([, v]) => v !== "")));
}

const VERDICT_ORDER = { below: 0, straddles: 1, insufficient: 2, meets: 3 } as const;

function shareOf(row: DashboardRowLike, k: string): number | null {
  const s = row.scores[k];
  return s && !s.hidden ? s.share : null;
}

function sortValue(row: DashboardRowLike, key: DashboardQuery["sort"]): number | string | null {
  switch (key) {
    case "name":
      return row.name;
    case "region":
      return row.region;
    case "district":
      return row.formerUnit;
    case "level":
      return row.level ? `${row.level.period}/${row.level.key}` : null;
    case "n":
      return row.scores.overall?.answered ?? 0;
    case "coverage":
      return row.coverage?.share ?? null;
    case "open":
      return row.complaints.open;
    case "overdue":
      return row.complaints.overdue;
    case "resolution":
      return row.complaints.total ? row.complaints.resolved / row.complaints.total : null;
    case "verdict":
      return VERDICT_ORDER[row.verdict];
    default:
      return shareOf(row, key);
  }
}

export function applyDashboardQuery<T extends DashboardRowLike>(rows: T[], q: DashboardQuery): T[] {
  const filtered = rows.filter(
    (r) =>
      (!q.region || r.region === q.region) &&
      (!q.district || r.formerUnit === q.district) &&
      (!q.kind || r.kind === q.kind) &&
      (!q.level || (q.level === "none" ? r.level === null : r.level?.key === q.level)) &&
      (!q.verdict || r.verdict === q.verdict),
  );
  return sortRows(filtered, (r) => sortValue(r, q.sort), q.dir);
}
