// Who may do what: one table, per action (named after what a person does) and per role, and
// `can(user, action, communeId?)` that every guard and every page reads. Pure data, browser-safe,
// so a component may ask the same question as the server. Decisions 006, 012 and 034.
// A role absent from an action's row may not do it. "all": in every commune; "own": only in the
// communes assigned to the account (officials and the Front, app/lib/roles.ts).
import type { Role } from "~/generated/prisma/enums";

export type Reach = "all" | "own";

export const POLICY = {
  /** Read one commune's staff data: its reports (with residents' contacts), rounds, integrity reports, posters. */
  "commune.read": { official: "own", front: "own", council: "all", admin: "all" },
  /** Answer a report: move it, write notes and replies, forward it, change urgency, merge, acknowledge. */
  "complaint.reply": { official: "own" },
  /** Blur parts of a report's photo (faces, number plates) for good: the officials who approve photos (decision 037). */
  "photo.redact": { official: "own" },
  /** Post and end short notices on a commune's pages (water cut, storm, road closed; decision 039). */
  "notice.manage": { official: "own", admin: "all" },
  /** Handle the reports forwarded to one's unit (the model limits it to that unit's reports). */
  "forwarded.handle": { unit: "all" },
  /** Propose a survey round (separation of duties, decisions 012 and 036: never the commune's own officials). */
  "round.create": { front: "own" },
  /** Approve a proposed round: a second person of another role (decision 036). */
  "round.approve": { admin: "all" },
  /** Run a round in a commune: ballot codes, slips, paper ballots, exclusions and re-checks. */
  "round.run": { front: "own", admin: "all" },
  /** A round's audit log: every commune's entries, or only one's own. */
  "audit.read": { official: "own", front: "own", council: "all", admin: "all" },
  /** The council's pages: the dashboard, a commune's dossier, the exports. */
  "council.read": { council: "all", admin: "all" },
  /** Write a review of a commune's recognition. */
  "council.review": { council: "all" },
  /** Import the works (công trình) lists from a spreadsheet: officials for their communes (decision 038). */
  "works.import": { official: "own", admin: "all" },
  /** Record an inspection of a work (the Front's community investment supervision board, issue 22):
   *  the Front for its communes, administrators for any; never the officials whose works are inspected. */
  "work.inspect": { front: "own", admin: "all" },
  /** Blur parts of the board's inspection photos (passers-by's faces, number plates): the board's own
   *  evidence, so the Front and administrators, never the officials whose works are inspected. */
  "inspectionPhoto.redact": { front: "own", admin: "all" },
  /** Open a resident's contact on a report ("show contact", logged): officials of its commune, and
   *  the unit it is forwarded to (the guard checks that unit); never council, Front or administrators (decision 037). */
  "contact.open": { official: "own", unit: "all" },
  /** The residents' requests queue (see, correct, erase): officials answer for their communes, administrators read. */
  "privacy.queue": { official: "own", admin: "all" },
  /** Answer a resident's request about their data (decision 037). */
  "privacy.answer": { official: "own" },
  /** The contact access log and the retention settings (decision 037). */
  "privacy.admin": { admin: "all" },
  /** Import the household register from the statistics office (decision 036). */
  "register.import": { admin: "all" },
  /** The audit trail of settings, users, keys, the register and re-checks (decision 036). */
  "audit.trail": { council: "all", admin: "all" },
  /** Thresholds, complaint settings, integrity thresholds, recognitions. */
  "settings.edit": { admin: "all" },
  /** Staff accounts: create, change, reset passwords. */
  "users.manage": { admin: "all" },
  /** Keys for Open311 apps. */
  "apiKeys.manage": { admin: "all" },
  /** Two-step sign-in (decision 015). */
  "twoFactor.use": { council: "all", admin: "all" },
} as const satisfies Record<string, Partial<Record<Role, Reach>>>;

export type Action = keyof typeof POLICY;
export const ACTIONS = Object.keys(POLICY) as Action[];

/** What `can` needs to know of a user: the session user, or the slice of it a page receives. */
export type Actor = { role: Role; communes: readonly { id: number }[] };

/** How far a role reaches for an action; null: not at all. */
export function reachOf(role: Role, action: Action): Reach | null {
  const row: Partial<Record<Role, Reach>> = POLICY[action];
  return row[role] ?? null;
}

/**
 * May this user do this action? Without a commune: in at least one commune (or where no commune
 * matters). With a commune: in that commune ("own" reaches only the account's communes).
 */
export function can(user: Actor, action: Action, communeId?: number): boolean {
  const reach = reachOf(user.role, action);
  if (reach === null) return false;
  if (communeId === undefined || reach === "all") return true;
  return user.communes.some((c) => c.id === communeId);
}

/** The communes in which this user may do the action: null = every commune; [] = none. */
export function communesFor(user: Actor, action: Action): number[] | null {
  const reach = reachOf(user.role, action);
  if (reach === null) return [];
  return reach === "all" ? null : user.communes.map((c) => c.id);
}
