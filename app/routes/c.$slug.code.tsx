// Typing a household ballot code on the commune's pages: the code is checked (format, check
// character, then the database, with the wrong-code limit) before the survey form is shown at
// /b/<code>. Works without JavaScript; every refusal is a message next to the field, HTTP 400.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BallotCodeField } from "~/components/ballot-code-field";
import { WaysOn } from "~/components/ways-on";
import { formatCode } from "~/lib/ballot-code";
import { ErrorPage } from "~/components/error-page";
import { getCommuneBySlug } from "~/models/commune.server";
import { checkResidentCode } from "~/models/ballot.server";
import { keyedHash } from "~/utils/hash.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { lazy } from "~/utils/lazy";
import { BallotCodeField as CodeSchema } from "~/forms/survey-form.server";
import { validateForm, type FormErrors } from "~/forms/form.server";
import { assertSameOrigin } from "~/utils/request.server";
import { z } from "~/forms/validation.server";
import { CommuneBreadcrumb } from "~/components/commune-breadcrumb";

const CodeFormSchema = /* @__PURE__ */ lazy(() => z.object({ code: CodeSchema() }).strict());

type CodeErrors = FormErrors & { errorValues?: Record<string, string> };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const commune = await getCommuneBySlug({ slug: params.slug ?? "" });
  if (!commune) throw new Response(null, { status: 404 });
  const t = getFixedT(await getLanguage(request), "ballot");
  return json({ commune: { slug: commune.slug, name: commune.name, kind: commune.kind }, title: t("enterTitle") });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const commune = await getCommuneBySlug({ slug: params.slug ?? "" });
  if (!commune) throw new Response(null, { status: 404 });
  const result = await validateForm(request, CodeFormSchema(), { maxBytes: 1024 });
  if (!result.ok) return result.response;
  const checked = await checkResidentCode({
    code: result.data.code,
    ipHash: keyedHash("ip", context.clientIp ?? "unknown"),
    communeId: commune.id,
  });
  if (!checked.ok)
    return json<CodeErrors>(
      {
        fieldErrors: { code: `codeErrors.${checked.reason}` },
        // the code as printed on the slip, with its dashes
        values: { code: formatCode(result.data.code) },
        errorValues: { commune: checked.code?.commune.name ?? "" },
      },
      { status: checked.reason === "rateLimited" ? 429 : 400 },
    );
  return redirect(`/b/${result.data.code}`, { status: 303 });
}

export default function EnterCode() {
  const { commune } = useLoaderData<typeof loader>();
  const actionData = useActionData<CodeErrors>();
  const { t } = useTranslation("ballot");
  return (
    <div className="page">
      <CommuneBreadcrumb commune={commune} />
      <h1>{t("enterHeading")}</h1>
      <Form method="post" className="card">
        <BallotCodeField
          defaultValue={actionData?.values.code}
          error={actionData?.fieldErrors?.code}
          errorValues={actionData?.errorValues}
        />
        <button type="submit" className="button button--primary button--block">
          {t("check")}
        </button>
      </Form>
      {actionData?.fieldErrors?.code ? <WaysOn slug={commune.slug} commune={commune.name} /> : null}
      <p className="hint">{t("orOpen")}</p>
      <Link to={`/c/${commune.slug}/survey`} className="button">
        {t("openSurvey")}
      </Link>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export function ErrorBoundary() {
  return <ErrorPage />;
}
