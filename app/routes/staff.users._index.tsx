// Administrators manage staff accounts: list, and create one (role, communes, first password).
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CommunePicker } from "~/components/commune-picker";
import { Field, FormError } from "~/components/forms";
import { NewPasswordField, RoleSelect } from "~/components/staff-user-fields";
import { listCommunes } from "~/models/commune.server";
import { listUsers, saveStaffUser } from "~/models/user.server";
import { communesForRole, PASSWORD_MIN, ROLES } from "~/lib/roles";
import { requirePermission } from "~/guards/auth.server";
import { lazy } from "~/utils/lazy";
import { idList, newPassword, requiredText, z } from "~/forms/validation.server";
import { formError, formToObject, validateObject, type FormErrors } from "~/forms/form.server";
import { staffUserFailure } from "~/forms/staff-user-form.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { assertSameOrigin, readUrlEncodedForm } from "~/utils/request.server";
import { ScrollTable } from "~/components/scroll-table";

const CreateUserSchema = /* @__PURE__ */ lazy(() =>
  z
    .object({
      email: z.email({ error: "errors.emailInvalid" }).max(200, { error: "errors.emailInvalid" }),
      name: requiredText({ max: 100, required: "errors.nameRequired", tooLong: "errors.nameRequired" }),
      role: z.enum(ROLES, { error: "errors.invalid" }),
      password: newPassword(PASSWORD_MIN, "errors.passwordTooShort"),
      communes: idList(),
    })
    .strict()
    // Shown together with the other fields' errors; saveStaffUser enforces the same rule.
    .refine((d) => communesForRole(d.role, d.communes).ok, { error: "errors.communesRequired", path: ["communes"] }),
);

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "users.manage");
  const [users, communes] = await Promise.all([listUsers(), listCommunes()]);
  const t = getFixedT(await getLanguage(request), "staff");
  return json({ users, communes: communes.map((c) => ({ id: c.id, name: c.name, kind: c.kind })), title: t("users.title") });
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const admin = await requirePermission(request, "users.manage");
  const body = await readUrlEncodedForm(request, 32 * 1024);
  if (!body.ok) return formError(body.error, {});
  const result = validateObject(CreateUserSchema(), formToObject(body.form), new Set(["email", "name", "role"]));
  if (!result.ok) return result.response;
  const { communes, ...data } = result.data;
  const saved = await saveStaffUser({ ...data, communeIds: communes, actorId: admin.id });
  if (!saved.ok) return staffUserFailure(saved, result.values);
  return redirect(`/staff/users/${saved.id}`, { status: 303 });
}

export default function Users() {
  const { users, communes } = useLoaderData<typeof loader>();
  const actionData = useActionData<FormErrors>();
  const { t } = useTranslation("staff");
  const errors = actionData?.fieldErrors ?? {};
  const v = actionData?.values ?? {};
  return (
    <>
      <h1>{t("users.heading")}</h1>
      <ScrollTable label={t("users.heading")}>
        <table className="data-table">
          <thead>
            <tr>
              <th>{t("users.name")}</th>
              <th>{t("users.email")}</th>
              <th>{t("users.role")}</th>
              <th>{t("users.communes")}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>
                  <Link to={`/staff/users/${u.id}`}>{u.name}</Link>
                  {u.active ? null : <span className="tag">{t("users.inactive")}</span>}
                </td>
                <td>{u.email}</td>
                <td>{t(`role.${u.role}`)}</td>
                <td>{u.communes.map((c) => c.commune.name).join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      <section className="card">
        <h2>{t("users.create")}</h2>
        <FormError message={actionData?.formError && t(`users.formErrors.${actionData.formError}`)} />
        <Form method="post">
          <Field
            label={t("users.name")}
            inputProps={{ name: "name", required: true, maxLength: 100, defaultValue: v.name ?? "" }}
            errors={errors.name && t(errors.name)}
          />
          <Field
            label={t("users.email")}
            inputProps={{ name: "email", type: "email", required: true, defaultValue: v.email ?? "" }}
            errors={errors.email && t(errors.email)}
          />
          <RoleSelect defaultValue={v.role ?? "official"} />
          <CommunePicker communes={communes} selected={[]} error={errors.communes && t(errors.communes)} />
          <NewPasswordField label={t("users.password")} error={errors.password} />
          <button type="submit" className="button button--primary">
            {t("users.createSubmit")}
          </button>
        </Form>
      </section>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];
