import type { Score, Verdict } from "./score";
import type { CommuneKind, Region } from "~/generated/prisma/enums";

/** The fields of a dashboard row that filtering and sorting use (JSON-safe). */
export type DashboardRowLike = {
  name: string;
  kind: CommuneKind;
  region: Region;
  formerUnit: string;
  level: { key: string; period: string } | null;
  scores: Record<string, Score>;
  coverage: { share: number } | null;
  complaints: { open: number; overdue: number; resolved: number; total: number };
  verdict: Verdict;
};
