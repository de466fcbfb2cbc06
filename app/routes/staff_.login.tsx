// Staff sign-in. The limits come before the password (see login() and decision 014); accounts
// with two-step sign-in also give a code. A successful sign-in starts a new session id.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { lazy } from "~/utils/lazy";
import { z } from "~/forms/validation.server";
import { deleteSession, login } from "~/models/user.server";
import { getOptionalUser, getSessionId, sessionCookie } from "~/guards/auth.server";
import { formError, validateForm, type FormErrors } from "~/forms/form.server";
import { keyedHash } from "~/utils/hash.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { assertSameOrigin, safeRedirectPath } from "~/utils/request.server";
import { Field, FormError } from "~/components/forms";

const LoginSchema = /* @__PURE__ */ lazy(() =>
  z
    .object({
      email: z
        .string({ error: "errors.emailRequired" })
        .trim()
        .min(1, { error: "errors.emailRequired" })
        .max(200, { error: "errors.emailRequired" }),
      password: z
        .string({ error: "errors.passwordRequired" })
        .min(1, { error: "errors.passwordRequired" })
        .max(500, { error: "errors.passwordRequired" }),
      code: z
        .string()
        .trim()
        .max(20, { error: "errors.invalid" })
        .optional()
        .transform((c) => c || null),
      redirectTo: z.string().optional(),
    })
    .strict(),
);

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getOptionalUser(request)) return redirect("/staff");
  return json({ title: getFixedT(await getLanguage(request), "staff")("login.title") });
}

export async function action({ request, context }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const result = await validateForm(request, LoginSchema(), { maxBytes: 8 * 1024, allowed: new Set(["email", "redirectTo"]) });
  if (!result.ok) return result.response;
  const ipHash = keyedHash("ip", context.clientIp ?? "unknown");
  const { email, password, code } = result.data;
  const outcome = await login({ email, password, code, ipHash });
  if (!outcome.ok) {
    if (outcome.reason === "rateLimited") return formError("rateLimited", result.values, 429);
    if (outcome.reason === "locked")
      return json<FormErrors & { minutes?: number }>(
        { formError: "locked", values: result.values, minutes: outcome.lockedMinutes },
        { status: 429 },
      );
    return formError(outcome.reason, result.values, 400);
  }
  // Replace any session the browser had: a new id at every sign-in.
  const previous = await getSessionId(request);
  if (previous) await deleteSession({ sessionId: previous });
  const to = outcome.mustChangePassword ? "/staff/password" : safeRedirectPath(result.data.redirectTo, "/staff");
  return redirect(to.startsWith("/staff") ? to : "/staff", {
    status: 303,
    headers: { "Set-Cookie": await sessionCookie.serialize(outcome.sessionId) },
  });
}

export default function Login() {
  const actionData = useActionData<FormErrors & { minutes?: number }>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const { t } = useTranslation("staff");
  const errors = actionData?.fieldErrors ?? {};
  return (
    <div className="page page--narrow">
      <h1>{t("login.heading")}</h1>
      <FormError
        id="form-error"
        message={
          actionData?.formError &&
          (actionData.formError === "codeRequired"
            ? t("security:login.codeRequired")
            : t(`login.formErrors.${actionData.formError}`, { minutes: actionData.minutes ?? 15 }))
        }
      />
      <Form method="post">
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/staff"} />
        <Field
          label={t("login.email")}
          inputProps={{
            name: "email",
            type: "email",
            autoComplete: "username",
            required: true,
            defaultValue: actionData?.values.email ?? "",
          }}
          errors={errors.email && t(errors.email)}
        />
        <Field
          label={t("login.password")}
          inputProps={{ name: "password", type: "password", autoComplete: "current-password", required: true }}
          errors={errors.password && t(errors.password)}
        />
        <Field
          label={t("security:login.code")}
          hint={t("security:login.codeHint")}
          inputProps={{ name: "code", type: "text", inputMode: "text", autoComplete: "one-time-code", maxLength: 20 }}
        />
        <button type="submit" className="button button--primary button--block" disabled={navigation.state === "submitting"}>
          {t("login.submit")}
        </button>
      </Form>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];
