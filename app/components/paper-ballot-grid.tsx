// The paper-ballot grid (Front and administrators): one row per ballot, the household slip's
// code first (wide enough to compare the whole code with the slip), then one cell per criterion.
// Every error shows in one pass under its row; nothing is stored unless every ballot is accepted.
// Enter saves (the browser's own form submission). With JavaScript, the rows after the next empty
// one leave the Tab order, so the save button is a few Tabs away; after saving, "Đã lưu N phiếu"
// shows at the top of the grid and takes the focus (issue 23).
import { Form, useLocation, useSearchParams } from "@remix-run/react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { localized } from "~/utils/i18n";
import { FormError } from "./forms";
import type { FormErrors } from "~/forms/form.server";
import { useLanguage } from "~/hooks/use-language";
import { ScrollTable } from "~/components/scroll-table";

type Criterion = { key: string; nameVi: string; nameEn: string };

/** The last row with anything typed in it, -1 when none. */
function lastFilledRow(read: (name: string) => string, rows: number, criteria: Criterion[]): number {
  let last = -1;
  for (let row = 0; row < rows; row++)
    if (read(`b${row}_code`).trim() || criteria.some((k) => read(`b${row}_${k.key}`).trim())) last = row;
  return last;
}

export function PaperBallotGrid({
  communeId,
  criteria,
  rows,
  actionData,
}: {
  communeId: number;
  criteria: Criterion[];
  rows: number;
  actionData?: FormErrors;
}) {
  const { t } = useTranslation("council");
  const lng = useLanguage();
  const [params] = useSearchParams();
  const mine = actionData?.values.communeId === String(communeId) && !actionData.values.intent;
  const errors = mine ? (actionData?.fieldErrors ?? {}) : {};
  const values = mine ? (actionData?.values ?? {}) : {};
  const saved = !actionData && params.get("paper") === String(communeId) ? Number(params.get("entered")) : null;
  const savedRef = useRef<HTMLParagraphElement>(null);
  // every save is a new navigation (location.key), even when it saved as many ballots as the last one
  const { key: navigation } = useLocation();
  useEffect(() => {
    if (saved !== null) savedRef.current?.focus();
  }, [saved, navigation]);
  // Until hydration every row is in the Tab order (the page works the same without JavaScript).
  const [filled, setFilled] = useState<number | null>(null);
  useEffect(() => setFilled(lastFilledRow((n) => values[n] ?? "", rows, criteria)), [actionData]); // eslint-disable-line react-hooks/exhaustive-deps
  const onInput = (e: FormEvent<HTMLFormElement>) => {
    const form = e.currentTarget;
    setFilled(lastFilledRow((n) => (form.elements.namedItem(n) as HTMLInputElement | null)?.value ?? "", rows, criteria));
  };
  const tabIndex = (row: number) => (filled !== null && row > filled + 1 ? -1 : undefined);

  const errorCount = Object.keys(errors).length;
  const formMessage =
    mine && actionData?.formError
      ? actionData.formError.includes(":")
        ? t(actionData.formError)
        : t(`rounds.formErrors.${actionData.formError}`, { count: errorCount })
      : null;
  const rowErrorsId = (row: number) => `paper-${communeId}-row-${row}`;
  return (
    <details className="paper-entry" open={mine || saved !== null}>
      <summary>{t("rounds.enterPaper")}</summary>
      {saved !== null ? (
        <p className="note paper-saved" role="status" tabIndex={-1} ref={savedRef} data-testid="paper-saved">
          {t("rounds.paperSaved", { count: saved })}
        </p>
      ) : null}
      <p className="hint">{t("rounds.paperHint")}</p>
      <p className="hint">{t("ballot:rounds.paperCodeHint")}</p>
      <FormError message={formMessage} />
      <Form method="post" onInput={onInput}>
        <input type="hidden" name="communeId" value={communeId} />
        <ScrollTable label={t("rounds.paper")}>
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
              {Array.from({ length: rows }, (_, row) => {
                const cells = [
                  { name: `b${row}_code`, label: t("ballot:rounds.code") },
                  ...criteria.map((k) => ({ name: `b${row}_${k.key}`, label: localized(k, "name", lng) })),
                ];
                const rowErrors = cells.filter((c) => errors[c.name]);
                const describedBy = rowErrors.length > 0 ? rowErrorsId(row) : undefined;
                return [
                  <tr key={row}>
                    <th scope="row">{row + 1}</th>
                    <td>
                      <input
                        name={`b${row}_code`}
                        className="ballots__code"
                        maxLength={24}
                        autoComplete="off"
                        spellCheck={false}
                        autoCapitalize="characters"
                        defaultValue={values[`b${row}_code`] ?? ""}
                        aria-label={t("ballot:rounds.codeCell", { row: row + 1 })}
                        aria-invalid={errors[`b${row}_code`] ? true : undefined}
                        aria-describedby={errors[`b${row}_code`] ? describedBy : undefined}
                        tabIndex={tabIndex(row)}
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
                            aria-describedby={errors[name] ? describedBy : undefined}
                            tabIndex={tabIndex(row)}
                          />
                        </td>
                      );
                    })}
                  </tr>,
                  rowErrors.length > 0 ? (
                    <tr key={`${row}-errors`} className="ballots__errors">
                      <td />
                      <td colSpan={cells.length} id={rowErrorsId(row)} data-testid={`paper-row-errors-${row}`}>
                        {rowErrors.map((c) => `${c.label}: ${t(errors[c.name])}`).join(" · ")}
                      </td>
                    </tr>
                  ) : null,
                ];
              })}
            </tbody>
          </table>
        </ScrollTable>
        <button type="submit" className="button button--primary">
          {t("rounds.savePaper")}
        </button>
      </Form>
    </details>
  );
}
