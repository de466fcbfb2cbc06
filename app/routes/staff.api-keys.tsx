// Administrators issue and revoke the API keys of Open311 clients. A new key is shown once, in
// the answer to the form that issued it; only its hash is stored.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/error-page";
import { formatDate } from "~/lib/format";
import { issueApiKey, listApiKeys, revokeApiKey } from "~/models/api-key.server";
import { publicUrl } from "~/models/outbox.server";
import { requirePermission } from "~/guards/auth.server";
import { formError, validateForm, type FormErrors } from "~/forms/form.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { lazy } from "~/utils/lazy";
import { assertSameOrigin } from "~/utils/request.server";
import { requiredText, z } from "~/forms/validation.server";
import { Field } from "~/components/forms";
import { IntentForm } from "~/components/intent-form";
import { ScrollTable } from "~/components/scroll-table";

const ApiKeyActionSchema = /* @__PURE__ */ lazy(() =>
  z.discriminatedUnion(
    "intent",
    [
      z
        .object({
          intent: z.literal("issue"),
          name: requiredText({ max: 100, required: "apiKeys.nameRequired", tooLong: "apiKeys.nameTooLong" }),
        })
        .strict(),
      z.object({ intent: z.literal("revoke"), id: z.coerce.number().int().positive() }).strict(),
    ],
    { error: "errors.invalid" },
  ),
);

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "apiKeys.manage");
  const t = getFixedT(await getLanguage(request), "notify");
  return json(
    { keys: await listApiKeys(), discovery: `${publicUrl()}/open311/discovery.json`, title: t("apiKeys.title") },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

type IssuedKey = { issued: { name: string; key: string } };

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const user = await requirePermission(request, "apiKeys.manage");
  const result = await validateForm(request, ApiKeyActionSchema(), { maxBytes: 4 * 1024 });
  if (!result.ok) return result.response;
  const data = result.data;
  if (data.intent === "revoke") {
    const revoked = await revokeApiKey({ id: data.id, actorId: user.id });
    if (!revoked.ok) return formError("notFound", result.values, 404);
    return redirect("/staff/api-keys", { status: 303 });
  }
  const { key } = await issueApiKey({ name: data.name, createdById: user.id });
  // Shown once: the answer is not cached and the key is not stored in clear anywhere.
  return json<IssuedKey>({ issued: { name: data.name, key } }, { headers: { "Cache-Control": "private, no-store" } });
}

export default function ApiKeys() {
  const { keys, discovery } = useLoaderData<typeof loader>();
  const actionData = useActionData<IssuedKey | FormErrors>();
  const { t, i18n } = useTranslation("notify");
  const issued = actionData && "issued" in actionData ? actionData.issued : null;
  const errors = actionData && "fieldErrors" in actionData ? (actionData.fieldErrors ?? {}) : {};
  return (
    <>
      <h1>{t("apiKeys.heading")}</h1>
      <p className="lead">{t("apiKeys.intro")}</p>
      <p>{t("apiKeys.endpoint", { url: discovery })}</p>
      {issued ? (
        <div className="card notice" role="status">
          <p>{t("apiKeys.issued", { name: issued.name })}</p>
          <p className="tracking-code" data-testid="new-key">
            <code>{issued.key}</code>
          </p>
        </div>
      ) : null}
      {keys.length === 0 ? (
        <p>{t("apiKeys.empty")}</p>
      ) : (
        <ScrollTable label={t("apiKeys.heading")}>
          <table className="data-table">
            <thead>
              <tr>
                <th>{t("apiKeys.name")}</th>
                <th>{t("apiKeys.prefix")}</th>
                <th>{t("apiKeys.created")}</th>
                <th>{t("apiKeys.lastUsed")}</th>
                <th>{t("apiKeys.requests")}</th>
                <th>{t("apiKeys.state")}</th>
              </tr>
            </thead>
            <tbody>
              {keys.map((k) => (
                <tr key={k.id}>
                  <td>{k.name}</td>
                  <td>
                    <code>{k.prefix}…</code>
                  </td>
                  <td>{formatDate(k.createdAt, i18n.language)}</td>
                  <td>{k.lastUsedAt ? formatDate(k.lastUsedAt, i18n.language) : t("apiKeys.never")}</td>
                  <td>{k.requests}</td>
                  <td>
                    {k.revokedAt ? (
                      t("apiKeys.revoked", { date: formatDate(k.revokedAt, i18n.language) })
                    ) : (
                      <IntentForm intent="revoke" submitLabel={t("apiKeys.revoke")}>
                        <input type="hidden" name="id" value={k.id} />
                        {t("apiKeys.active")}{" "}
                      </IntentForm>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
      <section className="card">
        <h2>{t("apiKeys.issue")}</h2>
        <IntentForm intent="issue" submitLabel={t("apiKeys.issue")} buttonClassName="button button--primary">
          <Field
            label={t("apiKeys.name")}
            inputProps={{ name: "name", required: true, maxLength: 100 }}
            errors={errors.name && t(errors.name)}
          />
        </IntentForm>
      </section>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export function ErrorBoundary() {
  return <ErrorPage />;
}
