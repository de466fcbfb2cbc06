// One survey round: per commune, households, answers online and on paper, verified (with a
// household code) and open, coverage, and the results per criterion. A pre-recognition round's
// results stay hidden until it closes. The Fatherland Front (its communes) and administrators run
// the round here: code batches per village, printing until sealed, paper ballots. Officials
// only read (separation of duties, docs/decisions/012).
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BallotBatches } from "~/components/ballot-batches";
import { ErrorPage } from "~/components/error-page";
import { PaperBallotGrid } from "~/components/paper-ballot-grid";
import { RoundCommuneResults } from "~/components/round-commune-results";
import { RoundNoticeLinks } from "~/components/round-notice-links";
import { formatDate } from "~/lib/format";
import { can, communesFor } from "~/lib/policy";
import { generateBatch, sealBatch } from "~/models/ballot.server";
import { listActiveCriteria } from "~/models/criterion.server";
import { getRound, roundPaperClosesAt } from "~/models/round.server";
import { RoundApproval } from "~/components/round-approval";
import { getRoundView } from "~/models/round-view.server";
import { listRoundAudit } from "~/models/audit.server";
import { RoundAuditLog } from "~/components/round-audit-log";
import { enterPaperBallots } from "~/models/survey/answers.server";
import { requireCommunePermission, requireUser } from "~/guards/auth.server";
import { formError, formToObject, keptValues, validateObject, type FormErrors } from "~/forms/form.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { localized } from "~/utils/i18n";
import { lazy } from "~/utils/lazy";
import { BALLOT_ROWS, readPaperGrid } from "~/forms/paper-grid.server";
import { assertSameOrigin, readUrlEncodedForm } from "~/utils/request.server";
import { requiredText, z } from "~/forms/validation.server";
import { useLanguage } from "~/hooks/use-language";
import { requireRecord } from "~/utils/route-params.server";

const count = (max: number) =>
  z.coerce
    .number({ error: "errors.households" })
    .int("errors.households")
    .min(1, "errors.households")
    .max(max, "errors.households");

const BatchSchema = /* @__PURE__ */ lazy(() =>
  z
    .object({
      intent: z.literal("batch"),
      communeId: z.coerce.number().int().positive(),
      village: requiredText({ max: 100, required: "ballot:batchErrors.village", tooLong: "ballot:batchErrors.village" }),
      count: count(100_000),
    })
    .strict(),
);

const SealSchema = /* @__PURE__ */ lazy(() =>
  z
    .object({
      intent: z.literal("seal"),
      communeId: z.coerce.number().int().positive(),
      batchId: z.coerce.number().int().positive(),
    })
    .strict(),
);

const BATCH_FIELD: Partial<Record<string, "village" | "count">> = {
  notInRegister: "village",
  villageTaken: "village",
  overVillage: "count",
  overHouseholds: "count",
};

/** Reasons a ballot is refused that belong to its code cell; the others are about the whole grid. */
const CODE_REASONS = new Set([
  "unknownCode",
  "usedCode",
  "notHandedOut",
  "otherCommune",
  "otherRound",
  "closedRound",
  "notStarted",
  "codeRequired",
]);

async function loadRound(params: { id?: string }) {
  return requireRecord(params.id, (id) => getRound({ id }));
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const round = await loadRound(params);
  // Officials and the Front see the rounds of their own communes only.
  const communeIds = round.communes.map((c) => c.commune.id).filter((id) => can(user, "commune.read", id));
  if (communeIds.length === 0) throw json({ error: "forbidden" }, { status: 403 });
  const [view, audit] = await Promise.all([
    getRoundView({ round, communeIds, canRun: (id) => can(user, "round.run", id) }),
    listRoundAudit({ roundId: round.id, communeIds: communesFor(user, "audit.read") === null ? null : communeIds }),
  ]);
  const t = getFixedT(await getLanguage(request), "council");
  return json(
    {
      round: {
        id: round.id,
        name: round.name,
        purpose: round.purpose,
        startsAt: round.startsAt,
        endsAt: round.endsAt,
        codesRequired: round.codesRequired,
        level: round.level,
        approvedAt: round.approvedAt,
        paperClosesAt: roundPaperClosesAt(round),
      },
      // The second signature (decision 036): an approver of another role than the proposer's.
      canApprove: !round.approvedAt && can(user, "round.approve") && round.createdById !== user.id,
      ...view,
      audit: audit.map((e) => ({
        ...e,
        detail: e.detail ? (JSON.parse(e.detail) as Record<string, unknown>) : {},
      })),
      ballotRows: BALLOT_ROWS,
      title: t("rounds.detailTitle", { name: round.name }),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const user = await requireUser(request);
  const round = await loadRound(params);
  const body = await readUrlEncodedForm(request, 64 * 1024);
  if (!body.ok) return formError(body.error, {});
  const raw = formToObject(body.form);
  const communeId = Number(raw.communeId);
  if (!round.communes.some((c) => c.commune.id === communeId)) return formError("invalid", {}, 400);
  requireCommunePermission(user, "round.run", communeId);
  const back = (query: string) => redirect(`/staff/rounds/${round.id}?${query}#commune-${communeId}`, { status: 303 });

  if (raw.intent === "batch") {
    const result = validateObject(BatchSchema(), raw);
    if (!result.ok) return result.response;
    const made = await generateBatch({ actorId: user.id, roundId: round.id, ...result.data });
    if (!made.ok) {
      // The Front is told to ask the administrator in plain words; the technical detail goes to the log.
      if (made.reason === "demoSecret")
        console.warn("ballot codes refused: BALLOT_SECRET is not set, codes can be made for demo rounds only");
      // The register's refusals belong next to the village or the number of codes (decision 036).
      const field = BATCH_FIELD[made.reason];
      const message = `ballot:batchErrors.${made.reason}`;
      return json<FormErrors>(
        field ? { fieldErrors: { [field]: message }, values: result.values } : { formError: message, values: result.values },
        { status: 400 },
      );
    }
    return back(`batch=${made.batchId}`);
  }
  if (raw.intent === "seal") {
    const result = validateObject(SealSchema(), raw);
    if (!result.ok) return result.response;
    const sealed = await sealBatch({ id: result.data.batchId, roundId: round.id, communeId, actorId: user.id });
    // Another commune's or round's batch, posted by hand: as if it did not exist.
    if (!sealed.ok && sealed.reason === "notFound") throw new Response(null, { status: 404 });
    if (!sealed.ok && sealed.reason === "closed") return formError("ballot:batchErrors.closed", result.values, 400);
    return back("sealed=1");
  }

  // Every typo, blank cell and refused code comes back in one answer (issue 23): the codes of a
  // grid with typos are still checked, in a transaction that stores nothing.
  const grid = readPaperGrid(await listActiveCriteria(), raw);
  const values = keptValues(raw);
  if (grid.formError) return formError(grid.formError, values, 400);
  if (grid.rows.length === 0) return formError("noBallots", values, 400);
  const typos = Object.keys(grid.fieldErrors).length > 0;
  const entered = await enterPaperBallots({
    actorId: user.id,
    roundId: round.id,
    communeId,
    ballots: typos ? grid.checkable : grid.rows,
    checkOnly: typos,
  });
  if (!entered.ok || typos) {
    const checked = typos ? grid.checkable : grid.rows;
    const errors = { ...grid.fieldErrors };
    let gridError: string | undefined;
    for (const r of entered.ok ? [] : entered.refusals) {
      const name = `b${checked[r.index].row}_code`;
      if (CODE_REASONS.has(r.reason)) errors[name] ??= `ballot:paperErrors.${r.reason}`;
      else gridError ??= `ballot:paperErrors.${r.reason}`;
    }
    return json<FormErrors>({ formError: gridError ?? "ballots", fieldErrors: errors, values }, { status: 400 });
  }
  return back(`entered=${entered.count}&paper=${communeId}`);
}

export default function RoundPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<FormErrors>();
  const { t } = useTranslation("council");
  const lng = useLanguage();
  return (
    <>
      <p className="breadcrumb">
        <Link to="/staff/rounds">{t("rounds.heading")}</Link>
      </p>
      <h1>{d.round.name}</h1>
      <p className="muted">
        {formatDate(d.round.startsAt, lng)}–{formatDate(d.round.endsAt, lng)} · {t(`rounds.purpose.${d.round.purpose}`)}
        {d.round.level ? `: ${localized(d.round.level, "name", lng)}` : ""} ·{" "}
        {t(d.round.codesRequired ? "ballot:rounds.accessCodes" : "ballot:rounds.accessOpen")}
      </p>
      <RoundApproval roundId={d.round.id} approvedAt={d.round.approvedAt} canApprove={d.canApprove} />
      {!d.visible ? (
        <p className="note" data-testid="results-hidden">
          {t("ballot:rounds.resultsHiddenUntil", { date: formatDate(d.round.paperClosesAt, lng) })}
        </p>
      ) : null}
      <p>
        <a href={`/staff/rounds/${d.round.id}/export`} className="button" download>
          {t("rounds.csv")}
        </a>
      </p>
      <RoundNoticeLinks roundId={d.round.id} />
      {d.communes.map((c) => (
        <section key={c.id} className="card" id={`commune-${c.id}`}>
          <h2>{c.name}</h2>
          <p className="no-print">
            <Link to={`/staff/rounds/${d.round.id}/integrity/${c.id}`}>{t("integrity:link")}</Link>
          </p>
          <RoundNoticeLinks roundId={d.round.id} slug={c.slug} />
          <RoundCommuneResults
            commune={c}
            criteria={d.criteria}
            coverageTarget={d.coverageTarget}
            codesRequired={d.round.codesRequired}
          />
          <BallotBatches commune={c} canRun={c.canRun} actionData={actionData} />
          {c.canRun ? (
            <PaperBallotGrid communeId={c.id} criteria={d.criteria} rows={d.ballotRows} actionData={actionData} />
          ) : null}
        </section>
      ))}
      <RoundAuditLog events={d.audit} />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export function ErrorBoundary() {
  return <ErrorPage />;
}
