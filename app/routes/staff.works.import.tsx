// Import of a works list from .xlsx or .csv (issue 22): upload → check every row → preview →
// confirm. Nothing is written unless every row is valid; a re-import updates works by (commune,
// code). Administrators for every commune, officials for their own.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/error-page";
import { Field, FormError } from "~/components/forms";
import { ImportErrors, ImportPreview } from "~/components/work-import-sections";
import { communesFor } from "~/lib/policy";
import { requirePermission } from "~/guards/auth.server";
import { WORK_HEADERS, type CellError } from "~/lib/work-import";
import { checkWorkImport, importWorks, type ImportCheck } from "~/models/work/import.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { assertSameOrigin } from "~/utils/request.server";
import { readSpreadsheet, readSpreadsheetUpload } from "~/utils/spreadsheet.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "works.import");
  const t = getFixedT(await getLanguage(request), "works");
  return json({ title: t("import.title") }, { headers: { "Cache-Control": "private, no-store" } });
}

type ActionData =
  | { formError: string; params?: Record<string, string> }
  | { errors: CellError[] }
  | { preview: Extract<ImportCheck, { ok: true }>; rows: string }
  | { done: { created: number; updated: number } };

const refuse = (formError: string, params?: Record<string, string>) => json<ActionData>({ formError, params }, { status: 400 });

/** The checked rows sent back with the preview: plain data, checked again in full on confirmation. */
function parseRows(text: string | undefined) {
  try {
    const v = JSON.parse(text ?? "") as { rows: unknown; formulas: unknown };
    const isRows = Array.isArray(v.rows) && v.rows.every((r) => Array.isArray(r) && r.every((c) => typeof c === "string"));
    return isRows && Array.isArray(v.formulas) ? { rows: v.rows as string[][], formulas: [] } : null;
  } catch {
    return null;
  }
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const user = await requirePermission(request, "works.import");
  const upload = await readSpreadsheetUpload(request, "file", "rows");
  if (!upload.ok) return refuse(upload.error);
  const communeIds = communesFor(user, "works.import");
  let sheet: { rows: string[][]; formulas: { row: number; col: number }[] };
  if (upload.fields.intent === "import") {
    const parsed = parseRows(upload.fields.rows);
    if (!parsed) return refuse("stale");
    sheet = parsed;
  } else {
    if (!upload.file) return refuse("noFile");
    const read = await readSpreadsheet(upload.file.name, upload.file.bytes);
    if (!read.ok) return refuse(read.error);
    sheet = read;
  }
  const input = { ...sheet, communeIds };
  const result =
    upload.fields.intent === "import" ? await importWorks({ ...input, actorId: user.id }) : await checkWorkImport(input);
  return result.ok ? respond(result, sheet.rows) : refused(result);
}

function refused(result: Exclude<ImportCheck, { ok: true }>) {
  if (result.reason === "rows") return json<ActionData>({ errors: result.errors }, { status: 400 });
  if (result.reason === "missingColumns")
    return refuse("missingColumns", { columns: result.missing.map((c) => WORK_HEADERS[c]).join(", ") });
  return refuse(result.reason);
}

function respond(result: Extract<ImportCheck, { ok: true }> | { ok: true; created: number; updated: number }, rows: string[][]) {
  if ("works" in result) return json<ActionData>({ preview: result, rows: JSON.stringify({ rows, formulas: [] }) });
  return json<ActionData>({ done: { created: result.created, updated: result.updated } });
}

export default function ImportWorks() {
  const data = useActionData<ActionData>();
  const { t } = useTranslation("works");
  return (
    <>
      <h1>{t("import.title")}</h1>
      <p>{t("import.intro")}</p>
      <p>
        <a href="/staff/works/template.xlsx" className="button" download>
          {t("import.template")}
        </a>
      </p>
      {data && "done" in data ? (
        <p className="note" role="status" data-testid="import-done">
          {t("import.done", data.done)}
        </p>
      ) : null}
      <FormError
        id="import-error"
        message={data && "formError" in data ? t(`import.errors.${data.formError}`, data.params) : undefined}
      />
      <Form method="post" encType="multipart/form-data">
        <input type="hidden" name="intent" value="preview" />
        <Field label={t("import.file")} inputProps={{ name: "file", type: "file", accept: ".xlsx,.csv", required: true }} />
        <button type="submit" className="button button--primary">
          {t("import.preview")}
        </button>
      </Form>
      {data && "errors" in data ? <ImportErrors errors={data.errors} /> : null}
      {data && "preview" in data ? (
        <ImportPreview
          works={data.preview.works}
          created={data.preview.created}
          updated={data.preview.updated}
          rows={data.rows}
        />
      ) : null}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export function ErrorBoundary() {
  return <ErrorPage />;
}
