// "Your data" on a report, with its tracking code: what is held (the contact masked), withdrawing
// consent (the contact is erased at once), and asking for a correction or for the erasure of the
// personal parts (text, photos), answered by the commune within the deadline on the working calendar.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/error-page";
import { FormError, TextareaField } from "~/components/forms";
import { IntentForm } from "~/components/intent-form";
import { formatDate } from "~/lib/format";
import { REQUEST_WORKING_DAYS } from "~/lib/privacy";
import { normaliseTrackingCode } from "~/lib/tracking-code";
import { getHeldData, withdrawConsent } from "~/models/privacy/consent.server";
import { createPrivacyRequest } from "~/models/privacy/requests.server";
import { formError, validateForm, type FormErrors } from "~/forms/form.server";
import { requiredText, z } from "~/forms/validation.server";
import { keyedHash } from "~/utils/hash.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { lazy } from "~/utils/lazy";
import { limitedLookup } from "~/utils/rate-limit.server";
import { assertSameOrigin } from "~/utils/request.server";

const RightsSchema = /* @__PURE__ */ lazy(() =>
  z.discriminatedUnion(
    "intent",
    [
      z.object({ intent: z.literal("withdraw") }).strict(),
      z
        .object({
          intent: z.enum(["correction", "erasure"]),
          detail: requiredText({ max: 2000, required: "rights.detailRequired", tooLong: "rights.detailTooLong" }),
        })
        .strict(),
    ],
    { error: "rights.invalid" },
  ),
);

async function load(params: { code?: string }, context: { clientIp?: string }) {
  const code = normaliseTrackingCode(params.code ?? "");
  if (!code) throw new Response(null, { status: 404 });
  // As the tracking page: a code not found costs the address a point.
  const ipHash = keyedHash("ip", context.clientIp ?? "unknown");
  const held = await limitedLookup("tracking", ipHash, () => getHeldData({ code }));
  if (held === "limited") throw new Response(null, { status: 429 });
  if (!held) throw new Response(null, { status: 404 });
  return { code, held };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { code, held } = await load(params, context);
  const t = getFixedT(await getLanguage(request), "privacy");
  return json({ code, held, title: t("rights.title", { code }) }, { headers: { "Cache-Control": "private, no-store" } });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const { code } = await load(params, context);
  const result = await validateForm(request, RightsSchema(), { maxBytes: 16 * 1024 });
  if (!result.ok) return result.response;
  const data = result.data;
  if (data.intent === "withdraw") {
    await withdrawConsent({ code });
    return redirect(`/t/${code}/privacy?done=withdrawn`, { status: 303 });
  }
  const created = await createPrivacyRequest({ code, kind: data.intent, detail: data.detail });
  if (!created.ok) return formError(created.reason, result.values, 409);
  return redirect(`/t/${code}/privacy?done=requested`, { status: 303 });
}

export default function YourData() {
  const { code, held } = useLoaderData<typeof loader>();
  const actionData = useActionData<FormErrors>();
  const [params] = useSearchParams();
  const { t, i18n } = useTranslation("privacy");
  const done = params.get("done");
  const errors = actionData?.fieldErrors ?? {};
  const detailError = errors.detail && t(errors.detail);
  return (
    <div className="page">
      <p>
        <Link to={`/t/${code}`}>{t("rights.back")}</Link>
      </p>
      <h1>{t("rights.heading")}</h1>
      {done === "withdrawn" || done === "requested" ? (
        <div className="card notice" role="status" data-testid="rights-done">
          {t(`rights.done.${done}`, { days: REQUEST_WORKING_DAYS })}
        </div>
      ) : null}
      <FormError message={actionData?.formError && t(`rights.formErrors.${actionData.formError}`)} />
      <section className="card">
        <h2>{t("rights.heldHeading")}</h2>
        <dl className="facts">
          <dt>{t("rights.contact")}</dt>
          <dd data-testid="held-contact">{held.hasContact ? (held.contact ?? t("rights.notifyOnly")) : t("rights.none")}</dd>
          <dt>{t("rights.consent")}</dt>
          <dd>
            {held.consent
              ? held.consent.withdrawnAt
                ? t("rights.consentWithdrawn", { date: formatDate(held.consent.withdrawnAt, i18n.language) })
                : t("rights.consentGiven", { date: formatDate(held.consent.givenAt, i18n.language) })
              : t("rights.none")}
          </dd>
          <dt>{t("rights.text")}</dt>
          <dd>{t("rights.textLength", { count: held.textLength })}</dd>
          <dt>{t("rights.place")}</dt>
          <dd>
            {[held.village, held.hasLocation ? t("rights.location") : null].filter(Boolean).join(" · ") || t("rights.none")}
          </dd>
          <dt>{t("rights.photos")}</dt>
          <dd>{held.photos}</dd>
        </dl>
        <p className="hint">
          <Link to="/privacy">{t("rights.privacyLink")}</Link>
        </p>
      </section>
      {held.hasContact ? (
        <section className="card">
          <h2>{t("rights.withdrawHeading")}</h2>
          <p>{t("rights.withdrawText")}</p>
          <IntentForm intent="withdraw" submitLabel={t("rights.withdraw")} buttonClassName="button" />
        </section>
      ) : null}
      {(["correction", "erasure"] as const).map((kind) => (
        <section className="card" key={kind}>
          <h2>{t(`rights.${kind}.heading`)}</h2>
          <p>{t(`rights.${kind}.text`, { days: REQUEST_WORKING_DAYS })}</p>
          <IntentForm intent={kind} submitLabel={t(`rights.${kind}.send`)}>
            <TextareaField
              label={t(`rights.${kind}.label`)}
              textareaProps={{
                name: "detail",
                id: `detail-${kind}`,
                rows: 3,
                maxLength: 2000,
                required: true,
                defaultValue: actionData?.values.intent === kind ? actionData.values.detail : "",
              }}
              errors={actionData?.values.intent === kind ? detailError : undefined}
            />
          </IntentForm>
        </section>
      ))}
      {held.requests.length > 0 ? (
        <section className="card">
          <h2>{t("rights.requestsHeading")}</h2>
          <ul data-testid="requests">
            {held.requests.map((r) => (
              <li key={r.id}>
                {t(`kind.${r.kind}`)} · {t(`status.${r.status}`)} ·{" "}
                {t("rights.dueBy", { date: formatDate(r.dueAt, i18n.language) })}
                {r.answer ? <blockquote>{r.answer}</blockquote> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export function ErrorBoundary() {
  return <ErrorPage />;
}
