// Two-step sign-in for administrators and council members (decision 015): add a key to an
// authenticator app, prove it with a code, keep the recovery codes; turn it off with the password.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/error-page";
import { Field, FormError } from "~/components/forms";
import { IntentForm } from "~/components/intent-form";
import { countUnusedRecoveryCodes, disableTwoFactor, enableTwoFactor, newTotpSecret, totpUri } from "~/models/two-factor.server";
import { confirmIdentity } from "~/models/reauth.server";
import { keyedHash } from "~/utils/hash.server";
import { requirePermission } from "~/guards/auth.server";
import { validateForm } from "~/forms/form.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { lazy } from "~/utils/lazy";
import { loadQrCode } from "~/utils/qr.server";
import { assertSameOrigin } from "~/utils/request.server";
import { z } from "~/forms/validation.server";

const TwoFactorSchema = /* @__PURE__ */ lazy(() =>
  z.discriminatedUnion(
    "intent",
    [
      z
        .object({
          intent: z.literal("enable"),
          secret: z.string().regex(/^[A-Z2-7]{16,64}$/, { error: "twoFactor.wrongCode" }),
          code: z.string().trim().max(10),
          password: z.string().max(500),
        })
        .strict(),
      // The current second factor too: the authenticator's code or a recovery code.
      z
        .object({ intent: z.literal("disable"), password: z.string().max(500), code: z.string().trim().max(40).optional() })
        .strict(),
    ],
    { error: "twoFactor.wrongCode" },
  ),
);

type ActionData = { error?: string; recoveryCodes?: string[]; disabled?: boolean };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "twoFactor.use");
  const t = getFixedT(await getLanguage(request), "security");
  if (user.totpEnabled) {
    return json({
      enabled: true as const,
      unused: await countUnusedRecoveryCodes({ userId: user.id }),
      title: t("twoFactor.title"),
    });
  }
  // A new key each time the page is shown; it is stored only once a code from it is given.
  const secret = newTotpSecret();
  const uri = totpUri({ secret, email: user.email });
  return json({
    enabled: false as const,
    secret,
    uri,
    qr: await (await loadQrCode()).toDataURL(uri, { margin: 1, width: 220 }),
    title: t("twoFactor.title"),
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const user = await requirePermission(request, "twoFactor.use");
  const result = await validateForm(request, TwoFactorSchema(), { maxBytes: 4 * 1024, allowed: new Set() });
  if (!result.ok) return json<ActionData>({ error: "twoFactor.wrongCode" }, { status: 400 });
  const data = result.data;
  // The password (and, to turn it off, the current second factor) at sign-in's pace: a stolen
  // session can neither replace the thief's own authenticator nor remove the owner's.
  const confirmed = await confirmIdentity({
    userId: user.id,
    password: data.password,
    code: data.intent === "disable" ? data.code : null,
    ipHash: keyedHash("ip", context.clientIp ?? "unknown"),
  });
  if (!confirmed.ok) {
    const error = confirmed.reason === "wrongPassword" ? "twoFactor.wrongPassword" : `reauth.${confirmed.reason}`;
    return json<ActionData>(
      { error },
      { status: confirmed.reason === "locked" || confirmed.reason === "rateLimited" ? 429 : 400 },
    );
  }
  if (data.intent === "enable") {
    const enabled = await enableTwoFactor({ userId: user.id, secret: data.secret, token: data.code });
    if (!enabled.ok) return json<ActionData>({ error: "twoFactor.wrongCode" }, { status: 400 });
    return json<ActionData>({ recoveryCodes: enabled.recoveryCodes });
  }
  await disableTwoFactor({ userId: user.id });
  return json<ActionData>({ disabled: true });
}

export default function TwoFactor() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const { t } = useTranslation("security");
  if (actionData?.recoveryCodes) {
    return (
      <section className="page--narrow">
        <h1>{t("twoFactor.recoveryHeading")}</h1>
        <p className="note" role="status">
          {t("twoFactor.recoveryIntro")}
        </p>
        <ul className="recovery-codes">
          {actionData.recoveryCodes.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ul>
        <p>
          <Link to="/staff">{t("common:errors.home")}</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="page--narrow">
      <h1>{t("twoFactor.heading")}</h1>
      <p>{t("twoFactor.intro")}</p>
      {actionData?.disabled ? (
        <p className="note" role="status">
          {t("twoFactor.disabled")}
        </p>
      ) : null}
      <FormError message={actionData?.error && t(actionData.error)} />
      {data.enabled ? (
        <>
          <p>{t("twoFactor.on", { count: data.unused })}</p>
          <IntentForm intent="disable" submitLabel={t("twoFactor.disable")}>
            <Field
              label={t("twoFactor.password")}
              inputProps={{ name: "password", type: "password", autoComplete: "current-password", required: true }}
            />
            <Field
              label={t("reauth.code")}
              hint={t("login.codeHint")}
              inputProps={{ name: "code", autoComplete: "one-time-code", required: true, maxLength: 40 }}
            />
          </IntentForm>
        </>
      ) : (
        <>
          <p>{t("twoFactor.off")}</p>
          <p>{t("twoFactor.step1")}</p>
          <p>
            <img src={data.qr} alt="" width={220} height={220} />
          </p>
          <p>
            <code>{data.secret}</code> · <a href={data.uri}>otpauth</a>
          </p>
          <IntentForm intent="enable" submitLabel={t("twoFactor.enable")} buttonClassName="button button--primary">
            <input type="hidden" name="secret" value={data.secret} />
            <Field
              label={t("twoFactor.step2")}
              inputProps={{
                name: "code",
                inputMode: "numeric",
                autoComplete: "one-time-code",
                pattern: "[0-9]{6}",
                maxLength: 6,
                required: true,
              }}
            />
            <Field
              label={t("reauth.password")}
              inputProps={{ name: "password", type: "password", autoComplete: "current-password", required: true }}
            />
          </IntentForm>
        </>
      )}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export function ErrorBoundary() {
  return <ErrorPage />;
}
