// The paper-ballot grid (Front and administrators): one row per ballot, the household slip's
// code first, then one cell per criterion. Errors show on their cell; nothing is stored unless
// every ballot is accepted.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { localized } from "~/utils/i18n";
import { FormError } from "./forms";
import type { FormErrors } from "~/forms/form.server";
import { useLanguage } from "~/hooks/use-language";

export function PaperBallotGrid({
  communeId,
  criteria,
  rows,
  actionData,
}: {
  communeId: number;
  criteria: { key: string; nameVi: string; nameEn: string }[];
  rows: number;
  actionData?: FormErrors;
}) {
  const { t } = useTranslation("council");
  const lng = useLanguage();
  const mine = actionData?.values.communeId === String(communeId) && !actionData.values.intent;
  const errors = mine ? (actionData?.fieldErrors ?? {}) : {};
  const values = mine ? (actionData?.values ?? {}) : {};
  const firstError = Object.entries(errors)[0];
  // the grid's message, then the first ballot's code problem when there is one
  const formMessage =
    mine && actionData?.formError
      ? [
          actionData.formError.includes(":") ? t(actionData.formError) : t(`rounds.formErrors.${actionData.formError}`),
          firstError?.[1].startsWith("ballot:") ? t(firstError[1]) : null,
        ]
          .filter(Boolean)
          .join(" ")
      : null;
  return (
    <details className="paper-entry" open={mine}>
      <summary>{t("rounds.enterPaper")}</summary>
      <p className="hint">{t("rounds.paperHint")}</p>
      <p className="hint">{t("ballot:rounds.paperCodeHint")}</p>
      <FormError message={formMessage} />
      <Form method="post">
        <input type="hidden" name="communeId" value={communeId} />
        <div className="table-scroll">
          <table className="ballots">
            <thead>
              <tr>
                <th>#</th>
                <th>{t("ballot:rounds.code")}</th>
                {criteria.map((k) => (
                  <th key={k.key}>{localized(k, "name", lng)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: rows }, (_, row) => (
                <tr key={row}>
                  <th scope="row">{row + 1}</th>
                  <td>
                    <input
                      name={`b${row}_code`}
                      maxLength={24}
                      size={18}
                      autoComplete="off"
                      defaultValue={values[`b${row}_code`] ?? ""}
                      aria-label={t("ballot:rounds.codeCell", { row: row + 1 })}
                      aria-invalid={errors[`b${row}_code`] ? true : undefined}
                      title={errors[`b${row}_code`] ? t(errors[`b${row}_code`]) : undefined}
                    />
                  </td>
                  {criteria.map((k) => {
                    const name = `b${row}_${k.key}`;
                    return (
                      <td key={k.key}>
                        <input
                          name={name}
                          maxLength={2}
                          size={2}
                          autoComplete="off"
                          defaultValue={values[name] ?? ""}
                          aria-label={t("rounds.ballotCell", { row: row + 1, criterion: localized(k, "name", lng) })}
                          aria-invalid={errors[name] ? true : undefined}
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
  );
}
