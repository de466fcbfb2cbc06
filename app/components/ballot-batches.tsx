// A commune's household-code batches in a round, one per village: households, codes, codes used,
// sealed or not. The Front (its communes) and administrators make a batch, print it until it is
// sealed, and seal it when the slips are handed out.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatPercent } from "~/lib/format";
import { ErrorList, FormError, InlineField } from "./forms";
import type { FormErrors } from "~/forms/form.server";
import { useLanguage } from "~/hooks/use-language";
import { IntentForm } from "./intent-form";

type Batch = {
  id: number;
  village: string;
  number: number;
  households: number;
  count: number;
  used: number;
  sealedAt: string | null;
};

export function BallotBatches({
  commune,
  canRun,
  actionData,
}: {
  commune: { id: number; slug: string; batches: Batch[] };
  canRun: boolean;
  actionData?: FormErrors;
}) {
  const { t } = useTranslation("ballot");
  const lng = useLanguage();
  const mine = actionData?.values.intent === "batch" && actionData.values.communeId === String(commune.id);
  const v = mine ? actionData!.values : {};
  const errors = mine ? (actionData!.fieldErrors ?? {}) : {};
  // the schema's messages are "ballot:…" (this namespace) or the council's shared ones
  const message = (e?: string) => e && t(e.replace(/^ballot:/, ""), { ns: e.startsWith("ballot:") ? "ballot" : "council" });
  const errorId = (name: string) => `batch-${commune.id}-${name}`;
  const number = { type: "number", min: 1, inputMode: "numeric" } as const;
  const fields = [
    { name: "village", label: t("rounds.village"), props: { maxLength: 100 } },
    { name: "count", label: t("rounds.codes"), props: number },
  ];
  if (!canRun && commune.batches.length === 0) return null;
  return (
    <details className="batches" open={mine || undefined}>
      <summary>{t("rounds.batches", { count: commune.batches.length })}</summary>
      {commune.batches.length > 0 ? (
        <table className="data-table" data-testid={`batches-${commune.slug}`}>
          <thead>
            <tr>
              <th>{t("rounds.village")}</th>
              <th>{t("rounds.householdsShort")}</th>
              <th>{t("rounds.codes")}</th>
              <th>{t("rounds.used")}</th>
              <th>{t("rounds.state")}</th>
            </tr>
          </thead>
          <tbody>
            {commune.batches.map((b) => (
              <tr key={b.id}>
                <th scope="row">{b.village}</th>
                <td>{b.households}</td>
                <td>{b.count}</td>
                <td>
                  {b.used} ({formatPercent(b.households > 0 ? b.used / b.households : 0, lng)})
                </td>
                <td>
                  {b.sealedAt ? (
                    t("rounds.sealed")
                  ) : canRun ? (
                    <>
                      <a href={`/staff/slips/${b.id}`} className="button" data-testid={`print-${b.id}`}>
                        {t("slip.print")}
                      </a>{" "}
                      <IntentForm intent="seal" submitLabel={t("rounds.seal")} className="inline-form">
                        <input type="hidden" name="communeId" value={commune.id} />
                        <input type="hidden" name="batchId" value={b.id} />
                      </IntentForm>
                    </>
                  ) : (
                    t("rounds.notSealed")
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {canRun ? (
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="batch" />
          <input type="hidden" name="communeId" value={commune.id} />
          <FormError message={mine && actionData?.formError ? t(actionData.formError) : null} />
          {fields.map((f) => (
            <InlineField
              key={f.name}
              label={f.label}
              inputProps={{ name: f.name, required: true, defaultValue: v[f.name] ?? "", ...f.props }}
              errorId={errorId(f.name)}
              errors={message(errors[f.name])}
            />
          ))}
          {fields.map((f) => (
            <ErrorList key={f.name} id={`${errorId(f.name)}-error`} errors={message(errors[f.name])} />
          ))}
          <button type="submit" className="button button--primary">
            {t("rounds.generate")}
          </button>
        </Form>
      ) : null}
      <p className="hint">{t("rounds.batchHint")}</p>
    </details>
  );
}
