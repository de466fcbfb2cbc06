// An administrator edits one staff account (name, role, communes, active) or resets its
// password; both end the account's sessions where it matters (reset, deactivation).
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CommunePicker } from "~/components/commune-picker";
import { ErrorPage } from "~/components/error-page";
import { listCommunes } from "~/models/commune.server";
import { getUserById, resetPassword, updateUser } from "~/models/user.server";
import { isCommuneScoped, ROLES } from "~/lib/roles";
import { requireRole } from "~/utils/auth.server";
import { lazy } from "~/utils/lazy";
import { requiredText, z } from "~/utils/validation.server";
import { formError, formToObject, validateObject, type FormErrors } from "~/utils/form.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { assertSameOrigin, readUrlEncodedForm } from "~/utils/request.server";

const PASSWORD_MIN = 12;
const communeList = lazy(() =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).map(Number)),
);

const UserActionSchema = lazy(() =>
  z.discriminatedUnion(
    "intent",
    [
      z
        .object({
          intent: z.literal("update"),
          name: requiredText({ max: 100, required: "errors.nameRequired", tooLong: "errors.nameRequired" }),
          role: z.enum(ROLES, { error: "errors.invalid" }),
          active: z.literal("1").optional(),
          communes: communeList(),
        })
        .strict(),
      z
        .object({
          intent: z.literal("password"),
          password: z
            .string()
            .min(PASSWORD_MIN, { error: "errors.passwordTooShort" })
            .max(200, { error: "errors.passwordTooShort" }),
        })
        .strict(),
    ],
    { error: "errors.invalid" },
  ),
);

async function loadUser(params: { id?: string }) {
  const id = Number(params.id);
  const user = Number.isSafeInteger(id) && id > 0 ? await getUserById({ id }) : null;
  if (!user) throw new Response(null, { status: 404 });
  return user;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  const [user, communes] = await Promise.all([loadUser(params), listCommunes()]);
  const t = getFixedT(await getLanguage(request), "staff");
  return json({
    user,
    communes: communes.map((c) => ({ id: c.id, name: c.name, kind: c.kind })),
    title: t("users.editTitle", { name: user.name }),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const admin = await requireRole(request, ["admin"]);
  const user = await loadUser(params);
  const body = await readUrlEncodedForm(request, 32 * 1024);
  if (!body.ok) return formError(body.error, {});
  const result = validateObject(UserActionSchema(), formToObject(body.form), new Set(["name", "role"]));
  if (!result.ok) return result.response;
  const data = result.data;
  if (data.intent === "password") {
    await resetPassword({ id: user.id, password: data.password });
    return redirect(`/staff/users/${user.id}?done=password`, { status: 303 });
  }
  if (user.id === admin.id && (data.role !== "admin" || !data.active)) return formError("selfLockout", result.values, 400);
  const communeIds = new Set((await listCommunes()).map((c) => c.id));
  if (data.communes.some((id) => !communeIds.has(id)))
    return json<FormErrors>({ fieldErrors: { communes: "errors.invalid" }, values: result.values }, { status: 400 });
  if (isCommuneScoped(data.role) && data.communes.length === 0)
    return json<FormErrors>({ fieldErrors: { communes: "errors.communesRequired" }, values: result.values }, { status: 400 });
  await updateUser({ id: user.id, name: data.name, role: data.role, active: data.active === "1", communeIds: data.communes });
  return redirect(`/staff/users/${user.id}?done=saved`, { status: 303 });
}

export default function EditUser() {
  const { user, communes } = useLoaderData<typeof loader>();
  const actionData = useActionData<FormErrors>();
  const [params] = useSearchParams();
  const { t } = useTranslation("staff");
  const errors = actionData?.fieldErrors ?? {};
  const done = params.get("done");
  return (
    <>
      <p className="breadcrumb">
        <Link to="/staff/users">{t("nav.users")}</Link>
      </p>
      <h1>{user.name}</h1>
      <p className="muted">{user.email}</p>
      {done && !actionData ? (
        <p className="note" role="status">
          {t(`users.done.${done === "password" ? "password" : "saved"}`)}
        </p>
      ) : null}
      {actionData?.formError ? (
        <p className="form-error" role="alert">
          {t(`users.formErrors.${actionData.formError}`)}
        </p>
      ) : null}
      <section className="card">
        <Form method="post">
          <input type="hidden" name="intent" value="update" />
          <div className="field">
            <label htmlFor="name">{t("users.name")}</label>
            <input id="name" name="name" required maxLength={100} defaultValue={actionData?.values.name ?? user.name} />
            {errors.name ? <p className="field-error">{t(errors.name)}</p> : null}
          </div>
          <div className="field">
            <label htmlFor="role">{t("users.role")}</label>
            <select id="role" name="role" defaultValue={user.role}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`role.${r}`)}
                </option>
              ))}
            </select>
          </div>
          <label className="check">
            <input type="checkbox" name="active" value="1" defaultChecked={user.active} /> {t("users.active")}
          </label>
          <CommunePicker
            communes={communes}
            selected={user.communes.map((c) => c.commune.id)}
            error={errors.communes ? t(errors.communes) : undefined}
          />
          <button type="submit" className="button button--primary">
            {t("users.save")}
          </button>
        </Form>
      </section>
      <section className="card">
        <h2>{t("users.resetPassword")}</h2>
        <Form method="post">
          <input type="hidden" name="intent" value="password" />
          <div className="field">
            <label htmlFor="password">{t("users.newPassword")}</label>
            <p className="hint">{t("users.passwordHint", { min: PASSWORD_MIN })}</p>
            <input id="password" name="password" type="password" autoComplete="new-password" required minLength={PASSWORD_MIN} />
            {errors.password ? <p className="field-error">{t(errors.password, { min: PASSWORD_MIN })}</p> : null}
          </div>
          <button type="submit" className="button">
            {t("users.resetSubmit")}
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
