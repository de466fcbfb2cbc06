// Any staff member changes their own password; after an administrator's reset this is the only
// page the temporary password opens (requireUser sends every other staff page here).
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/error-page";
import { can } from "~/lib/policy";
import { confirmIdentity } from "~/models/reauth.server";
import { changePassword } from "~/models/user.server";
import { keyedHash } from "~/utils/hash.server";
import { requireUser, sessionCookie } from "~/guards/auth.server";
import { validateForm, type FormErrors } from "~/forms/form.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { lazy } from "~/utils/lazy";
import { assertSameOrigin } from "~/utils/request.server";
import { z } from "~/forms/validation.server";
import { Field } from "~/components/forms";
import { PASSWORD_MIN } from "~/lib/roles";

const ChangePasswordSchema = /* @__PURE__ */ lazy(() =>
  z
    .object({
      current: z
        .string({ error: "password.errors.currentRequired" })
        .min(1, { error: "password.errors.currentRequired" })
        .max(500, { error: "password.errors.currentRequired" }),
      password: z
        .string({ error: "password.errors.tooShort" })
        .min(PASSWORD_MIN, { error: "password.errors.tooShort" })
        .max(200, { error: "password.errors.tooShort" }),
      confirm: z.string().max(200).optional(),
      /** the current second factor, for accounts with two-step sign-in */
      code: z.string().trim().max(40).optional(),
    })
    .strict()
    .refine((d) => d.password === d.confirm, { error: "password.errors.mismatch", path: ["confirm"] }),
);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const t = getFixedT(await getLanguage(request), "security");
  return json({
    mustChange: user.mustChangePassword,
    twoFactorOn: user.totpEnabled,
    canUseTwoFactor: can(user, "twoFactor.use"),
    title: t("password.title"),
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const user = await requireUser(request);
  const result = await validateForm(request, ChangePasswordSchema(), { maxBytes: 8 * 1024, allowed: new Set() });
  if (!result.ok) return result.response;
  // A stolen session cannot change the password without it (and the second factor), at sign-in's pace.
  const confirmed = await confirmIdentity({
    userId: user.id,
    password: result.data.current,
    code: result.data.code,
    ipHash: keyedHash("ip", context.clientIp ?? "unknown"),
  });
  if (!confirmed.ok) {
    const field = confirmed.reason === "codeRequired" || confirmed.reason === "wrongCode" ? "code" : "current";
    const key = confirmed.reason === "wrongPassword" ? "password.errors.wrongPassword" : `reauth.${confirmed.reason}`;
    return json<FormErrors>(
      { fieldErrors: { [field]: key }, values: {} },
      { status: confirmed.reason === "locked" || confirmed.reason === "rateLimited" ? 429 : 400 },
    );
  }
  const changed = await changePassword({
    userId: user.id,
    currentPassword: result.data.current,
    newPassword: result.data.password,
  });
  if (!changed.ok) {
    const field = changed.reason === "wrongPassword" ? "current" : "password";
    return json<FormErrors>({ fieldErrors: { [field]: `password.errors.${changed.reason}` }, values: {} }, { status: 400 });
  }
  return redirect("/staff/password?done=1", {
    status: 303,
    headers: { "Set-Cookie": await sessionCookie.serialize(changed.sessionId) },
  });
}

export default function ChangePassword() {
  const { mustChange, twoFactorOn, canUseTwoFactor } = useLoaderData<typeof loader>();
  const actionData = useActionData<FormErrors>();
  const [params] = useSearchParams();
  const { t } = useTranslation("security");
  const errors = actionData?.fieldErrors ?? {};
  const field = (name: string, label: string, autoComplete: string, hint?: string) => (
    <Field
      label={label}
      hint={hint}
      inputProps={{
        name,
        type: "password",
        autoComplete,
        required: true,
        minLength: name === "current" ? undefined : PASSWORD_MIN,
      }}
      errors={errors[name] && t(errors[name], { min: PASSWORD_MIN })}
    />
  );
  return (
    <section className="page--narrow">
      <h1>{t("password.heading")}</h1>
      {params.get("done") && !actionData ? (
        <p className="note" role="status">
          {t("password.done")}
        </p>
      ) : null}
      {mustChange ? (
        <p className="note" role="alert">
          {t("password.mustChange")}
        </p>
      ) : null}
      <Form method="post">
        {field("current", t("password.current"), "current-password")}
        {field("password", t("password.new"), "new-password", t("password.newHint", { min: PASSWORD_MIN }))}
        {field("confirm", t("password.confirm"), "new-password")}
        {twoFactorOn ? (
          <Field
            label={t("reauth.code")}
            hint={t("login.codeHint")}
            inputProps={{ name: "code", autoComplete: "one-time-code", required: true, maxLength: 40 }}
            errors={errors.code && t(errors.code)}
          />
        ) : null}
        <button type="submit" className="button button--primary">
          {t("password.submit")}
        </button>
      </Form>
      <Form method="post" action="/staff/sign-out-everywhere">
        <p>{t("reauth.everywhereHint")}</p>
        <button type="submit" className="button">
          {t("reauth.everywhere")}
        </button>
      </Form>
      {canUseTwoFactor && !mustChange ? (
        <p>
          <Link to="/staff/two-factor">{t("twoFactor.title")}</Link>
        </p>
      ) : null}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export function ErrorBoundary() {
  return <ErrorPage />;
}
