// The household register (decision 036): administrators import the statistics office's figures
// (CSV or XLSX: commune, village, households), with the source and the date of the figures. Each
// import is a new version and an audit event; rounds and batches read the newest version.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/error-page";
import { Field, FormError } from "~/components/forms";
import { formatDate } from "~/lib/format";
import { vnStartOfDay } from "~/lib/vn-time";
import { getRegisterOverview, importRegister } from "~/models/register.server";
import { requirePermission } from "~/guards/auth.server";
import { fieldErrors, formError, validateObject, type FormErrors } from "~/forms/form.server";
import { parseRegisterFile } from "~/forms/register-file.server";
import { requiredText, z } from "~/forms/validation.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { lazy } from "~/utils/lazy";
import { assertSameOrigin } from "~/utils/request.server";
import { filesOf, readMultipartForm } from "~/utils/upload.server";
import { useLanguage } from "~/hooks/use-language";
import { ScrollTable } from "~/components/scroll-table";

const RegisterSchema = /* @__PURE__ */ lazy(() =>
  z
    .object({
      source: requiredText({ max: 200, required: "register.errors.source", tooLong: "register.errors.source" }),
      sourceDate: z.iso.date({ error: "register.errors.sourceDate" }),
    })
    .strict(),
);

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "register.import");
  const t = getFixedT(await getLanguage(request), "ballot");
  return json(
    { ...(await getRegisterOverview()), title: t("register.title") },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const admin = await requirePermission(request, "register.import");
  const read = await readMultipartForm(request, { fields: new Set(["source", "sourceDate"]), fileField: "file" });
  const raw = read.ok ? Object.fromEntries([...read.form.entries()].filter(([, v]) => typeof v === "string")) : {};
  const values = raw as Record<string, string>;
  if (!read.ok) return formError(read.error === "notForm" ? "notForm" : "tooLarge", {}, read.status);
  const result = validateObject(RegisterSchema(), values);
  if (!result.ok) return result.response;
  const [file] = filesOf(read.form, "file");
  if (!file) return fieldErrors({ file: "ballot:register.errors.file" }, values);
  const parsed = await parseRegisterFile(file);
  if (!parsed.ok)
    return json<FormErrors>(
      {
        fieldErrors: { file: `ballot:register.errors.${parsed.error}` },
        values,
        formError: parsed.line ? `line:${parsed.line}` : undefined,
      },
      { status: 400 },
    );
  const imported = await importRegister({
    actorId: admin.id,
    source: result.data.source,
    sourceDate: vnStartOfDay(result.data.sourceDate),
    rows: parsed.rows,
  });
  if (!imported.ok)
    return json<FormErrors>(
      {
        fieldErrors: { file: `ballot:register.errors.${imported.reason}` },
        values,
        formError: imported.line ? `line:${imported.line}` : undefined,
      },
      { status: 400 },
    );
  return redirect(`/staff/register?version=${imported.version}`, { status: 303 });
}

export default function Register() {
  const { versions, communes } = useLoaderData<typeof loader>();
  const actionData = useActionData<FormErrors>();
  const { t } = useTranslation("ballot");
  const lng = useLanguage();
  const errors = actionData?.fieldErrors ?? {};
  const v = actionData?.values ?? {};
  const line = actionData?.formError?.startsWith("line:") ? actionData.formError.slice(5) : null;
  const fileError = errors.file && `${t(errors.file)}${line ? ` ${t("register.errors.atLine", { line })}` : ""}`;
  return (
    <>
      <h1>{t("register.heading")}</h1>
      <p className="muted">{t("register.intro")}</p>
      {versions.length === 0 ? (
        <p className="note">{t("register.none")}</p>
      ) : (
        <section className="card">
          <h2>{t("register.current", { version: versions[0].version })}</h2>
          <p className="muted">
            {versions[0].source} · {formatDate(versions[0].sourceDate, lng)}
          </p>
          <ScrollTable label={t("register.current", { version: versions[0].version })}>
            <table className="data-table" data-testid="register-communes">
              <thead>
                <tr>
                  <th>{t("register.commune")}</th>
                  <th>{t("register.villages")}</th>
                  <th>{t("register.households")}</th>
                </tr>
              </thead>
              <tbody>
                {communes.map((c) => (
                  <tr key={c.communeId}>
                    <th scope="row">{c.name}</th>
                    <td>{c.villages}</td>
                    <td>{c.households}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
          <h3>{t("register.versions")}</h3>
          <ul className="plain-list">
            {versions.map((r) => (
              <li key={r.id}>
                v{r.version} · {r.source} · {formatDate(r.sourceDate, lng)} ·{" "}
                {t("register.imported", { date: formatDate(r.importedAt, lng) })}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="card">
        <h2>{t("register.import")}</h2>
        <FormError message={actionData?.formError && !line ? t(actionData.formError, { ns: "council" }) : null} />
        <Form method="post" encType="multipart/form-data">
          <Field
            label={t("register.file")}
            hint={t("register.fileHint")}
            inputProps={{ name: "file", type: "file", required: true, accept: ".csv,.xlsx,text/csv" }}
            errors={fileError}
          />
          <Field
            label={t("register.source")}
            inputProps={{ name: "source", required: true, maxLength: 200, defaultValue: v.source ?? "" }}
            errors={errors.source && t(errors.source)}
          />
          <Field
            label={t("register.sourceDate")}
            inputProps={{ name: "sourceDate", type: "date", required: true, defaultValue: v.sourceDate ?? "" }}
            errors={errors.sourceDate && t(errors.sourceDate)}
          />
          <button type="submit" className="button button--primary">
            {t("register.submit")}
          </button>
        </Form>
      </section>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export function ErrorBoundary() {
  return <ErrorPage />;
}
