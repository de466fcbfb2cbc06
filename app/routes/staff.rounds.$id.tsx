// One survey round: per commune, households, answers online and on paper, coverage, and the
// results per criterion (online and paper apart). A pre-recognition round's results stay hidden
// until it closes. Officials of a commune in the round enter its paper ballots here.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/error-page";
import { coverage } from "~/lib/dashboard";
import { formatDate, formatPercent } from "~/lib/format";
import { periodOf } from "~/lib/vn-time";
import { parseBallotCell, resultsVisible } from "~/lib/round";
import { score, type Score } from "~/lib/score";
import { listActiveCriteria } from "~/models/criterion.server";
import { getRound, roundAnswerCounts, roundTallies } from "~/models/round.server";
import { thresholdFor } from "~/models/recognition.server";
import { getDefaultThreshold } from "~/models/setting.server";
import { insertResponsesBulk } from "~/models/survey.server";
import { COMMUNE_STAFF_ROLES, requireCommuneAccess, requireRole } from "~/utils/auth.server";
import { formError, formToObject, type FormErrors } from "~/utils/form.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { localized } from "~/utils/i18n";
import { assertSameOrigin, readUrlEncodedForm } from "~/utils/request.server";
import { useLanguage } from "~/utils/use-language";

const BALLOT_ROWS = 20;

async function loadRound(params: { id?: string }) {
  const id = Number(params.id);
  const round = Number.isSafeInteger(id) && id > 0 ? await getRound({ id }) : null;
  if (!round) throw new Response(null, { status: 404 });
  return round;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, COMMUNE_STAFF_ROLES);
  const round = await loadRound(params);
  // Officials see the rounds of their own communes only.
  const communes =
    user.role === "official" ? round.communes.filter((c) => user.communes.some((u) => u.id === c.commune.id)) : round.communes;
  if (communes.length === 0) throw json({ error: "forbidden" }, { status: 403 });
  const [criteria, counts, defaults] = await Promise.all([
    listActiveCriteria(),
    roundAnswerCounts({ roundId: round.id }),
    getDefaultThreshold(),
  ]);
  const visible = resultsVisible(round);
  const tallies = visible ? await roundTallies({ roundId: round.id }) : [];
  const threshold = thresholdFor(round.level, defaults);
  const coverageTarget = round.level?.coverageShare ?? 0.7;
  const t = getFixedT(await getLanguage(request), "council");
  return json(
    {
      round: {
        id: round.id,
        name: round.name,
        purpose: round.purpose,
        startsAt: round.startsAt,
        endsAt: round.endsAt,
        level: round.level,
      },
      visible,
      threshold,
      coverageTarget,
      criteria: criteria.map((c) => ({ id: c.id, key: c.key, nameVi: c.nameVi, nameEn: c.nameEn })),
      communes: communes.map(({ commune, households }) => {
        const online = counts.find((c) => c.communeId === commune.id && c.channel === "online")?.count ?? 0;
        const paper = counts.find((c) => c.communeId === commune.id && c.channel === "paper")?.count ?? 0;
        return {
          ...commune,
          households,
          online,
          paper,
          coverage: coverage(online + paper, households),
          canEnterPaper: user.role === "official" && user.communes.some((u) => u.id === commune.id),
          results: visible
            ? criteria.map((k) => ({
                key: k.key,
                online: score(
                  tallies.find((x) => x.communeId === commune.id && x.channel === "online" && x.criterionId === k.id)?.tally ?? {
                    satisfied: 0,
                    answered: 0,
                    noOpinion: 0,
                  },
                  threshold,
                ),
                paper: score(
                  tallies.find((x) => x.communeId === commune.id && x.channel === "paper" && x.criterionId === k.id)?.tally ?? {
                    satisfied: 0,
                    answered: 0,
                    noOpinion: 0,
                  },
                  threshold,
                ),
              }))
            : null,
        };
      }),
      ballotRows: BALLOT_ROWS,
      title: t("rounds.detailTitle", { name: round.name }),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const user = await requireRole(request, COMMUNE_STAFF_ROLES);
  const round = await loadRound(params);
  const body = await readUrlEncodedForm(request, 64 * 1024);
  if (!body.ok) return formError(body.error, {});
  const raw = formToObject(body.form);
  const communeId = Number(raw.communeId);
  const link = round.communes.find((c) => c.commune.id === communeId);
  if (!link) return formError("invalid", {}, 400);
  requireCommuneAccess(user, communeId, "write");

  const criteria = await listActiveCriteria();
  const values: Record<string, string> = {};
  const fieldErrors: Record<string, string> = {};
  const ballots: { criterionId: number; score: number | null }[][] = [];
  for (let row = 0; row < BALLOT_ROWS; row++) {
    const cells = criteria.map((c) => {
      const v = raw[`b${row}_${c.key}`];
      const s = typeof v === "string" ? v : "";
      if (s) values[`b${row}_${c.key}`] = s.slice(0, 5);
      return { c, s };
    });
    if (cells.every((x) => x.s.trim() === "")) continue;
    const ratings = cells.map(({ c, s }) => {
      const parsed = parseBallotCell(s);
      if (parsed === "invalid") fieldErrors[`b${row}_${c.key}`] = "errors.ballotCell";
      return { criterionId: c.id, score: parsed === "invalid" ? null : parsed };
    });
    ballots.push(ratings);
  }
  if (Object.keys(fieldErrors).length > 0)
    return json<FormErrors>({ formError: "ballots", fieldErrors, values }, { status: 400 });
  if (ballots.length === 0) return formError("noBallots", values, 400);
  const now = new Date();
  await insertResponsesBulk(
    ballots.map((ratings) => ({
      communeId,
      roundId: round.id,
      channel: "paper" as const,
      period: periodOf(round.startsAt),
      createdAt: now,
      ratings,
      submissionId: `paper-${crypto.randomUUID()}`,
    })),
  );
  return redirect(`/staff/rounds/${round.id}?entered=${ballots.length}#commune-${communeId}`, { status: 303 });
}

export default function RoundPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<FormErrors>();
  const { t } = useTranslation("council");
  const lng = useLanguage();
  const cell = (s: Score) =>
    s.hidden ? (
      <span className="muted">{t("table.hidden")}</span>
    ) : (
      <>
        {formatPercent(s.share, lng)} <span className="detail">n={s.answered}</span>
      </>
    );
  return (
    <>
      <p className="breadcrumb">
        <Link to="/staff/rounds">{t("rounds.heading")}</Link>
      </p>
      <h1>{d.round.name}</h1>
      <p className="muted">
        {formatDate(d.round.startsAt, lng)}–{formatDate(d.round.endsAt, lng)} · {t(`rounds.purpose.${d.round.purpose}`)}
        {d.round.level ? `: ${localized(d.round.level, "name", lng)}` : ""}
      </p>
      {!d.visible ? (
        <p className="note" data-testid="results-hidden">
          {t("rounds.resultsHidden", { date: formatDate(d.round.endsAt, lng) })}
        </p>
      ) : null}
      <p>
        <a href={`/staff/rounds/${d.round.id}/export`} className="button" download>
          {t("rounds.csv")}
        </a>
      </p>
      {d.communes.map((c) => (
        <section key={c.id} className="card" id={`commune-${c.id}`}>
          <h2>{c.name}</h2>
          <p>
            {t("rounds.byChannel", { online: c.online, paper: c.paper })} ·{" "}
            {c.coverage
              ? t("rounds.coverageOf", {
                  share: formatPercent(c.coverage.share, lng),
                  n: c.coverage.answered,
                  households: c.households,
                  target: formatPercent(d.coverageTarget, lng),
                })
              : "—"}
          </p>
          {c.results ? (
            <table className="data-table" data-testid={`results-${c.slug}`}>
              <thead>
                <tr>
                  <th>{t("table.criterion")}</th>
                  <th>{t("rounds.online")}</th>
                  <th>{t("rounds.paper")}</th>
                </tr>
              </thead>
              <tbody>
                {c.results.map((r) => (
                  <tr key={r.key}>
                    <th scope="row">
                      {localized(
                        d.criteria.find((k) => k.key === r.key)!,
                        "name",
                        lng,
                      )}
                    </th>
                    <td>{cell(r.online)}</td>
                    <td>{cell(r.paper)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {c.canEnterPaper ? (
            <details className="paper-entry" open={!!actionData}>
              <summary>{t("rounds.enterPaper")}</summary>
              <p className="hint">{t("rounds.paperHint")}</p>
              {actionData?.formError ? (
                <p className="form-error" role="alert">
                  {t(`rounds.formErrors.${actionData.formError}`)}
                </p>
              ) : null}
              <Form method="post">
                <input type="hidden" name="communeId" value={c.id} />
                <div className="table-scroll">
                  <table className="ballots">
                    <thead>
                      <tr>
                        <th>#</th>
                        {d.criteria.map((k) => (
                          <th key={k.key}>{localized(k, "name", lng)}</th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {Array.from({ length: d.ballotRows }, (_, row) => (
                        <tr key={row}>
                          <th scope="row">{row + 1}</th>
                          {d.criteria.map((k) => {
                            const name = `b${row}_${k.key}`;
                            const err = actionData?.fieldErrors?.[name];
                            return (
                              <td key={k.key}>
                                <input
                                  name={name}
                                  maxLength={2}
                                  size={2}
                                  autoComplete="off"
                                  defaultValue={actionData?.values[name] ?? ""}
                                  aria-label={t("rounds.ballotCell", { row: row + 1, criterion: localized(k, "name", lng) })}
                                  aria-invalid={err ? true : undefined}
                                />
                              </td>
                            );
                          })}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                <button type="submit" className="button button--primary">
                  {t("rounds.savePaper")}
                </button>
              </Form>
            </details>
          ) : null}
        </section>
      ))}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export function ErrorBoundary() {
  return <ErrorPage />;
}
