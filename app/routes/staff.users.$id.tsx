// An administrator edits one staff account (name, role, communes, active) or resets its
// password; both end the account's sessions where it matters (reset, deactivation).
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CommunePicker } from "~/components/commune-picker";
import { Field, FormError } from "~/components/forms";
import { IntentForm } from "~/components/intent-form";
import { NewPasswordField, RoleSelect } from "~/components/staff-user-fields";
import { ErrorPage } from "~/components/error-page";
import { listCommunes } from "~/models/commune.server";
import { getUserById, resetPassword, saveStaffUser } from "~/models/user.server";
import { PASSWORD_MIN, ROLES } from "~/lib/roles";
import { requirePermission } from "~/guards/auth.server";
import { lazy } from "~/utils/lazy";
import { idList, newPassword, requiredText, z } from "~/forms/validation.server";
import { formError, formToObject, validateObject, type FormErrors } from "~/forms/form.server";
import { staffUserFailure } from "~/forms/staff-user-form.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { assertSameOrigin, readUrlEncodedForm } from "~/utils/request.server";
import { requireRecord } from "~/utils/route-params.server";

const UserActionSchema = /* @__PURE__ */ lazy(() =>
  z.discriminatedUnion(
    "intent",
    [
      z
        .object({
          intent: z.literal("update"),
          name: requiredText({ max: 100, required: "errors.nameRequired", tooLong: "errors.nameRequired" }),
          role: z.enum(ROLES, { error: "errors.invalid" }),
          active: z.literal("1").optional(),
          communes: idList(),
        })
        .strict(),
      z.object({ intent: z.literal("password"), password: newPassword(PASSWORD_MIN, "errors.passwordTooShort") }).strict(),
    ],
    { error: "errors.invalid" },
  ),
);

async function loadUser(params: { id?: string }) {
  return requireRecord(params.id, (id) => getUserById({ id }));
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "users.manage");
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
  const admin = await requirePermission(request, "users.manage");
  const user = await loadUser(params);
  const body = await readUrlEncodedForm(request, 32 * 1024);
  if (!body.ok) return formError(body.error, {});
  const result = validateObject(UserActionSchema(), formToObject(body.form), new Set(["name", "role"]));
  if (!result.ok) return result.response;
  const data = result.data;
  if (data.intent === "password") {
    await resetPassword({ id: user.id, password: data.password, actorId: admin.id });
    return redirect(`/staff/users/${user.id}?done=password`, { status: 303 });
  }
  const saved = await saveStaffUser({
    id: user.id,
    actorId: admin.id,
    name: data.name,
    role: data.role,
    active: data.active === "1",
    communeIds: data.communes,
  });
  if (!saved.ok) return staffUserFailure(saved, result.values);
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
      <FormError message={actionData?.formError && t(`users.formErrors.${actionData.formError}`)} />
      <section className="card">
        <IntentForm intent="update" submitLabel={t("users.save")} buttonClassName="button button--primary">
          <Field
            label={t("users.name")}
            inputProps={{ name: "name", required: true, maxLength: 100, defaultValue: actionData?.values.name ?? user.name }}
            errors={errors.name && t(errors.name)}
          />
          <RoleSelect defaultValue={user.role} />
          <label className="check">
            <input type="checkbox" name="active" value="1" defaultChecked={user.active} /> {t("users.active")}
          </label>
          <CommunePicker
            communes={communes}
            selected={user.communes.map((c) => c.commune.id)}
            error={errors.communes && t(errors.communes)}
          />
        </IntentForm>
      </section>
      <section className="card">
        <h2>{t("users.resetPassword")}</h2>
        <IntentForm intent="password" submitLabel={t("users.resetSubmit")}>
          <NewPasswordField label={t("users.newPassword")} error={errors.password} />
        </IntentForm>
      </section>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export function ErrorBoundary() {
  return <ErrorPage />;
}
