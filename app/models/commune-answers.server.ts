// What answers change on the council's pages, per commune, kept in memory and brought up to date
// one commune at a time (decision 031): each commune's counts per criterion and quarter over the
// trend's quarters, and its latest round's answers. After answers arrive (in any process), only
// the communes that received them are read again; every other commune's entry is reused as it
// is, the same object, so the pages built on it can reuse what they made from it.
// The rule this rests on: an answer's ratings are committed in the same transaction as the answer
// (submitAnswer and the answer writer do): only inserting the answer moves the "answers" version.
import type { Tally } from "~/lib/score";
import { recentPeriods } from "~/lib/vn-time";
import { readAnswerChanges, readCacheVersions } from "~/utils/db.server";
import { latestRoundCoverageByCommune, startedRoundLinkCount } from "./round.server";
import { tallyCommunesByPeriod } from "./survey/tallies.server";

/** Quarters kept: the council's trend (the scores use the newest SCORE_WINDOW_QUARTERS of them). */
export const TREND_QUARTERS = 8;

type LatestRound = NonNullable<ReturnType<Awaited<ReturnType<typeof latestRoundCoverageByCommune>>["get"]>>;

export type CommuneAnswers = {
  /** criterionId -> period -> counts, over the last TREND_QUARTERS quarters */
  tallies: ReadonlyMap<number, ReadonlyMap<string, Tally>>;
  /** its latest round that has started, with households and answers so far */
  round: LatestRound | null;
};

export type AnswerSnapshot = {
  /** the last TREND_QUARTERS quarters, newest first */
  periods: readonly string[];
  /** communes without any answer in those quarters and without a started round are absent */
  byCommune: ReadonlyMap<number, CommuneAnswers>;
};

type State = { key: string; answers: number; lastId: number; snapshot: AnswerSnapshot };
let state: State | null = null;
/** Updates run one after another: each starts from the state the previous one left. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Every commune's answers as committed when the call started, or later: never older. Callers
 * must not modify what it returns.
 */
export async function answerSnapshot(now: Date = new Date()): Promise<AnswerSnapshot> {
  const periods = recentPeriods(now, TREND_QUARTERS);
  const versions = readCacheVersions();
  const key = `${versions.reference}|${periods[0]}|${await startedRoundLinkCount(now)}`;
  if (state && state.key === key && state.answers === versions.answers) return state.snapshot;
  const run = queue.then(() => update(key, periods, now));
  queue = run.catch(() => undefined);
  return (await run).snapshot;
}

async function update(key: string, periods: string[], now: Date): Promise<State> {
  const prev = state?.key === key ? state : null;
  // What happened since the previous state: which communes received answers, or "anything".
  const changes = readAnswerChanges(prev && { answers: prev.answers, lastId: prev.lastId });
  if (prev && changes.answers === prev.answers) return prev;
  const only = prev ? changes.communeIds : null;
  // Read after the changes: at least as new as them (a later answer is read again next time).
  const [tallies, rounds] = await Promise.all([
    tallyCommunesByPeriod({ periods, communeIds: only }),
    latestRoundCoverageByCommune({ now, communeIds: only }),
  ]);
  const byCommune = new Map(only ? prev!.snapshot.byCommune : []);
  for (const id of only ?? new Set([...tallies.keys(), ...rounds.keys()]))
    byCommune.set(id, { tallies: tallies.get(id) ?? new Map(), round: rounds.get(id) ?? null });
  // Updates run one at a time, each from the state the previous one left. (One queued with a key
  // that has since been replaced reads everything and is replaced by the next: correct, if slower.)
  state = { key, answers: changes.answers, lastId: changes.lastId, snapshot: { periods, byCommune } };
  return state;
}

/** A commune's counts for one criterion summed over `periods`. */
export function sumTally(answers: CommuneAnswers | undefined, criterionId: number, periods: readonly string[]): Tally {
  const byPeriod = answers?.tallies.get(criterionId);
  const out = { satisfied: 0, answered: 0, noOpinion: 0 };
  if (!byPeriod) return out;
  for (const p of periods) {
    const t = byPeriod.get(p);
    if (!t) continue;
    out.satisfied += t.satisfied;
    out.answered += t.answered;
    out.noOpinion += t.noOpinion;
  }
  return out;
}
