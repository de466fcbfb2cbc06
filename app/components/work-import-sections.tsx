// The import page's result sections (issue 22): the row-by-row errors (row, column, what is
// wrong, in the reader's language) and the preview of what would be written.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useLanguage } from "~/hooks/use-language";
import { formatVnd } from "~/lib/format";
import { WORK_HEADERS, type CellError } from "~/lib/work-import";
import { ScrollTable } from "~/components/scroll-table";

export function ImportErrors({ errors }: { errors: CellError[] }) {
  const { t } = useTranslation("works");
  return (
    <section className="card" role="alert" data-testid="import-errors">
      <h2>{t("import.errorsHeading", { count: errors.length })}</h2>
      <ScrollTable label={t("import.errorsHeading", { count: errors.length })}>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t("import.row")}</th>
              <th scope="col">{t("import.column")}</th>
              <th scope="col">{t("import.problem")}</th>
            </tr>
          </thead>
          <tbody>
            {errors.map((e, i) => (
              <tr key={i}>
                <td>{e.row}</td>
                <td>{WORK_HEADERS[e.column]}</td>
                <td>
                  {t(`import.cell.${e.error}`, { value: e.value ?? "" })}
                  {e.value && !["unknownCommune", "notYourCommune", "duplicateCode"].includes(e.error) ? ` (“${e.value}”)` : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </section>
  );
}

type PreviewWork = {
  communeName: string;
  code: string;
  name: string;
  category: string;
  totalInvestment: number;
  exists: boolean;
};

export function ImportPreview({
  works,
  created,
  updated,
  rows,
}: {
  works: PreviewWork[];
  created: number;
  updated: number;
  rows: string;
}) {
  const { t } = useTranslation("works");
  const lng = useLanguage();
  return (
    <section className="card" data-testid="import-preview">
      <h2>{t("import.previewHeading", { created, updated })}</h2>
      <ScrollTable label={t("import.previewHeading", { created, updated })}>
        <table className="data-table">
          <tbody>
            {works.map((w) => (
              <tr key={`${w.communeName}|${w.code}`}>
                <td>{w.exists ? t("import.update") : t("import.new")}</td>
                <td>{w.communeName}</td>
                <td>{w.code}</td>
                <td>{w.name}</td>
                <td>{t(`category.${w.category}`)}</td>
                <td>{formatVnd(w.totalInvestment, lng)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      <Form method="post" encType="multipart/form-data">
        <input type="hidden" name="intent" value="import" />
        <input type="hidden" name="rows" value={rows} />
        <button type="submit" className="button button--primary" data-testid="import-confirm">
          {t("import.confirm", { count: works.length })}
        </button>
      </Form>
    </section>
  );
}
