// The integrity page's two forms: excluding flagged answers (with a reason) and the re-check
// (phúc tra) of a closed pre-recognition round. Only the Front or an administrator sees the controls.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, TextareaField } from "~/components/forms";
import { RecheckResult, type RecheckView } from "~/components/integrity-report";
import { formatDate, formatDateTime, formatPercent } from "~/lib/format";
import { RECHECK_OUTCOMES } from "~/lib/integrity";
import type { FormErrors } from "~/forms/form.server";
import { useLanguage } from "~/hooks/use-language";
import { IntentForm } from "./intent-form";

type Suspect = {
  id: number;
  createdAt: string;
  pattern: string;
  durationSeconds: number | null;
  excluded: boolean;
  exclusionReason?: string | null;
  straight: boolean;
  fast: boolean;
  identical: boolean;
};

export function SuspectsSection({
  suspects,
  canRun,
  actionData,
}: {
  suspects: Suspect[];
  canRun: boolean;
  actionData: FormErrors | undefined;
}) {
  const { t } = useTranslation("integrity");
  const lng = useLanguage();
  const errors = actionData?.fieldErrors ?? {};
  return (
    <section className="card" id="suspects">
      <h2>{t("suspectsHeading")}</h2>
      {suspects.length === 0 ? (
        <p>{t("noSuspects")}</p>
      ) : (
        <Form method="post">
          <input type="hidden" name="intent" value="exclude" />
          <table className="table table--compact" data-testid="suspects">
            <thead>
              <tr>
                {canRun ? <th scope="col">{t("exclude")}</th> : null}
                <th scope="col">{t("time")}</th>
                <th scope="col">{t("pattern")}</th>
                <th scope="col">{t("seconds")}</th>
                <th scope="col">{t("why")}</th>
              </tr>
            </thead>
            <tbody>
              {suspects.map((a) => (
                <tr key={a.id}>
                  {canRun ? (
                    <td>
                      {a.excluded ? null : (
                        <input type="checkbox" name="ids" value={a.id} aria-label={`${t("exclude")} ${a.id}`} />
                      )}
                    </td>
                  ) : null}
                  <td>{formatDateTime(a.createdAt, lng)}</td>
                  <td>{a.pattern}</td>
                  <td>{a.durationSeconds ?? "–"}</td>
                  <td>
                    {a.excluded
                      ? t("excludedBecause", { reason: a.exclusionReason })
                      : (["straight", "fast", "identical"] as const)
                          .filter((k) => a[k])
                          .map((k) => t(`why_${k}`))
                          .join(", ")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {canRun ? (
            <>
              <TextareaField
                label={t("reason")}
                textareaProps={{ name: "reason", rows: 2, maxLength: 500, defaultValue: actionData?.values?.reason ?? "" }}
                errors={(errors.reason || errors.ids) && t(errors.reason ?? errors.ids)}
              />
              <button type="submit" className="button">
                {t("excludeButton")}
              </button>
            </>
          ) : null}
        </Form>
      )}
    </section>
  );
}

export function RecheckSection({
  recheck,
  canRun,
  canDraw,
  margin,
  reasonError,
  reason,
}: {
  recheck: RecheckView | null;
  canRun: boolean;
  canDraw: boolean;
  margin: number;
  /** translated message next to the reason field (a change of an outcome already recorded) */
  reasonError?: string;
  reason?: string;
}) {
  const { t } = useTranslation("integrity");
  const lng = useLanguage();
  return (
    <section className="card" id="recheck">
      <h2>{t("recheck.heading")}</h2>
      <p className="muted">{t("recheck.intro", { margin: formatPercent(margin, lng) })}</p>
      <details className="audit-raw">
        <summary>{t("auditDetails")}</summary>
        <p className="muted">{t("recheck.method", { margin: formatPercent(margin, lng) })}</p>
      </details>
      {recheck ? (
        <>
          <RecheckResult recheck={recheck} />
          <Form method="post">
            <input type="hidden" name="intent" value="record" />
            <input type="hidden" name="recheckId" value={recheck.id} />
            <table className="table table--compact" data-testid="recheck-list">
              <thead>
                <tr>
                  <th scope="col">{t("village")}</th>
                  <th scope="col">{t("recheck.serial")}</th>
                  <th scope="col">{t("recheck.outcome")}</th>
                  <th scope="col">{t("recheck.history")}</th>
                </tr>
              </thead>
              <tbody>
                {recheck.items.map((item) => (
                  <tr key={item.id}>
                    <td>{item.village}</td>
                    <td>{item.serial}</td>
                    <td>
                      {canRun ? (
                        <select
                          name={`o_${item.id}`}
                          defaultValue={item.outcome ?? "pending"}
                          aria-label={`${t("recheck.outcome")} ${item.serial}`}
                        >
                          {(["pending", ...RECHECK_OUTCOMES] as const).map((o) => (
                            <option key={o} value={o}>
                              {t(`recheck.outcomes.${o}`)}
                            </option>
                          ))}
                        </select>
                      ) : (
                        t(`recheck.outcomes.${item.outcome ?? "pending"}`)
                      )}
                    </td>
                    <td data-testid="recheck-history">
                      {item.history.map((h, i) => (
                        <span key={i} className="muted">
                          {i > 0 ? " · " : ""}
                          {formatDate(h.createdAt, lng)}: {t(`recheck.outcomes.${h.outcome}`)}
                          {h.reason ? ` (${h.reason})` : ""}
                        </span>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {canRun ? (
              <Field
                label={t("recheck.reason")}
                inputProps={{ name: "reason", maxLength: 500, defaultValue: reason ?? "" }}
                errors={reasonError}
              />
            ) : null}
            {canRun ? (
              <button type="submit" className="button no-print">
                {t("recheck.save")}
              </button>
            ) : null}
          </Form>
        </>
      ) : canDraw ? (
        canRun ? (
          <IntentForm
            intent="draw"
            submitLabel={t("recheck.draw")}
            className="no-print"
            buttonClassName="button button--primary"
          />
        ) : (
          <p>{t("recheck.none")}</p>
        )
      ) : (
        <p>{t("recheck.notAvailable")}</p>
      )}
    </section>
  );
}
