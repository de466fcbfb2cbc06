// The integrity report of one round for one commune (issue 10, decision 026): flags with their
// thresholds, answers per hour, completion time, code use per village, the verdict with and without
// exclusions; the flagged answers, which the Front (its communes) or an administrator may exclude
// with a reason; and the re-check (phúc tra) of a closed pre-recognition round: the drawn list of
// (village, serial) to visit, printable, and what each visit found. Staff who may read the commune
// see the report; only "run" staff change anything.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/error-page";
import { FormError } from "~/components/forms";
import { IntegrityFlags, IntegrityVerdict, PerHour, VillageUse } from "~/components/integrity-report";
import { RecheckSection, SuspectsSection } from "~/components/integrity-forms";
import { PrintButton } from "~/components/print-button";
import { drawRecheck, excludeAnswers, getIntegrityReport, recordRecheck } from "~/models/integrity.server";
import { getRound, roundPaperClosesAt } from "~/models/round.server";
import { getIntegrityThresholds } from "~/models/setting.server";
import { requireCommunePermission, requireUser } from "~/guards/auth.server";
import { fieldErrors, formError, formToObject, validateObject, type FormErrors } from "~/forms/form.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { lazy } from "~/utils/lazy";
import { assertSameOrigin, readUrlEncodedForm } from "~/utils/request.server";
import { RECHECK_OUTCOMES } from "~/lib/integrity";
import { can } from "~/lib/policy";
import { requiredText, z } from "~/forms/validation.server";
import { requireRecord } from "~/utils/route-params.server";

const ExcludeSchema = /* @__PURE__ */ lazy(() =>
  z
    .object({
      intent: z.literal("exclude"),
      ids: z
        .union([z.string(), z.array(z.string())], { error: "integrity:errors.ids" })
        .transform((v) => (Array.isArray(v) ? v : [v]).map(Number))
        .refine((ids) => ids.length >= 1 && ids.length <= 1000 && ids.every((n) => Number.isSafeInteger(n) && n > 0), {
          error: "integrity:errors.ids",
        }),
      reason: requiredText({
        min: 10,
        max: 500,
        required: "integrity:errors.reason",
        tooShort: "integrity:errors.reason",
        tooLong: "integrity:errors.reason",
      }),
    })
    .strict(),
);

async function load(params: { id?: string; communeId?: string }) {
  const round = await requireRecord(params.id, (id) => getRound({ id }));
  const communeId = Number(params.communeId);
  if (!round.communes.some((c) => c.commune.id === communeId)) throw new Response(null, { status: 404 });
  return { round, communeId };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { round, communeId } = await load(params);
  requireCommunePermission(user, "commune.read", communeId);
  const report = (await getIntegrityReport({ round, communeId }))!;
  const t = getFixedT(await getLanguage(request), "integrity");
  const closed = round.endsAt <= new Date();
  return json(
    {
      round: { id: round.id, name: round.name, purpose: round.purpose, closed },
      report,
      canRun: can(user, "round.run", communeId),
      // The re-check is drawn from every used code: only once paper entry has closed (decision 036).
      canDraw: roundPaperClosesAt(round) <= new Date() && round.purpose === "pre_recognition",
      title: t("title", { commune: report.commune.name, round: round.name }),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const user = await requireUser(request);
  const { round, communeId } = await load(params);
  requireCommunePermission(user, "round.run", communeId);
  const body = await readUrlEncodedForm(request, 64 * 1024);
  if (!body.ok) return formError(body.error, {});
  const raw = formToObject(body.form);
  const back = (query: string) => redirect(`/staff/rounds/${round.id}/integrity/${communeId}?${query}`, { status: 303 });

  if (raw.intent === "exclude") {
    const result = validateObject(ExcludeSchema(), raw);
    if (!result.ok) return result.response;
    const done = await excludeAnswers({
      actorId: user.id,
      roundId: round.id,
      communeId,
      responseIds: result.data.ids,
      reason: result.data.reason,
    });
    if (!done.ok)
      return json<FormErrors>({ formError: `integrity:errors.${done.reason}`, values: result.values }, { status: 400 });
    return back(`excluded=${done.count}`);
  }
  if (raw.intent === "draw") {
    const { recheckMargin } = await getIntegrityThresholds();
    const drawn = await drawRecheck({ actorId: user.id, roundId: round.id, communeId, margin: recheckMargin });
    if (!drawn.ok) return formError(`integrity:errors.${drawn.reason}`, {}, 400);
    return back("drawn=1#recheck");
  }
  if (raw.intent === "record") {
    const recheckId = Number(raw.recheckId);
    const report = await getIntegrityReport({ round, communeId });
    if (!report?.recheck || report.recheck.id !== recheckId) return formError("integrity:errors.outcome", {}, 400);
    const outcomes: { itemId: number; outcome: (typeof RECHECK_OUTCOMES)[number] }[] = [];
    for (const item of report.recheck.items) {
      const v = raw[`o_${item.id}`];
      if (v === undefined || v === "" || v === "pending") continue;
      if (typeof v !== "string" || !(RECHECK_OUTCOMES as readonly string[]).includes(v))
        return formError("integrity:errors.outcome", {}, 400);
      outcomes.push({ itemId: item.id, outcome: v as (typeof RECHECK_OUTCOMES)[number] });
    }
    const reason = typeof raw.reason === "string" ? raw.reason.trim().slice(0, 500) : "";
    const recorded = await recordRecheck({ actorId: user.id, recheckId, outcomes, reason });
    if (!recorded.ok) return fieldErrors({ reason: `integrity:errors.${recorded.reason}` }, { reason });
    return back("recorded=1#recheck");
  }
  return formError("invalid", {}, 400);
}

export default function IntegrityPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<FormErrors>();
  const [params] = useSearchParams();
  const { t } = useTranslation("integrity");
  const r = d.report;
  return (
    <article className="integrity">
      <p className="breadcrumb no-print">
        <Link to={`/staff/rounds/${d.round.id}#commune-${r.commune.id}`}>{d.round.name}</Link>
      </p>
      <h1>
        {t("heading")}: {r.commune.name}
      </h1>
      <p className="muted">{t("roundLine", { round: d.round.name, total: r.total, excluded: r.excludedCount })}</p>
      <p>{t("intro")}</p>
      <PrintButton label={t("council:dossier.print")} />
      <FormError message={actionData?.formError && t(actionData.formError)} />
      {params.get("excluded") && !actionData ? (
        <p className="note" role="status">
          {t("excludedDone", { count: Number(params.get("excluded")) })}
        </p>
      ) : null}
      {params.get("recorded") && !actionData ? (
        <p className="note" role="status">
          {t("recheck.saved")}
        </p>
      ) : null}

      <section className="card">
        <h2>{t("flagsHeading")}</h2>
        <IntegrityFlags flags={r.flags} />
        <IntegrityVerdict verdict={r.verdict} gap={r.gap} medianSeconds={r.medianSeconds} timed={r.timed} />
      </section>

      <section className="card">
        <PerHour rows={r.perHour} />
        <VillageUse villages={r.villages} />
      </section>

      <SuspectsSection suspects={r.suspects} canRun={d.canRun} actionData={actionData} />
      <RecheckSection
        recheck={r.recheck}
        canRun={d.canRun}
        canDraw={d.canDraw}
        margin={r.settings.recheckMargin}
        reasonError={actionData?.fieldErrors?.reason && t(actionData.fieldErrors.reason)}
        reason={actionData?.values?.reason}
      />
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export function ErrorBoundary() {
  return <ErrorPage />;
}
