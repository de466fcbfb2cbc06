// Administrators manage staff accounts: list, and create one (role, communes, first password).
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CommunePicker } from "~/components/commune-picker";
import { listCommunes } from "~/models/commune.server";
import { createUser, listUsers } from "~/models/user.server";
import { isCommuneScoped, ROLES } from "~/lib/roles";
import { requireRole } from "~/utils/auth.server";
import { lazy } from "~/utils/lazy";
import { requiredText, z } from "~/utils/validation.server";
import { formError, formToObject, validateObject, type FormErrors } from "~/utils/form.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { assertSameOrigin, readUrlEncodedForm } from "~/utils/request.server";

const PASSWORD_MIN = 12;

const CreateUserSchema = lazy(() =>
  z
    .object({
      email: z.email({ error: "errors.emailInvalid" }).max(200, { error: "errors.emailInvalid" }),
      name: requiredText({ max: 100, required: "errors.nameRequired", tooLong: "errors.nameRequired" }),
      role: z.enum(ROLES, { error: "errors.invalid" }),
      password: z
        .string({ error: "errors.passwordTooShort" })
        .min(PASSWORD_MIN, { error: "errors.passwordTooShort" })
        .max(200, { error: "errors.passwordTooShort" }),
      communes: z
        .union([z.string(), z.array(z.string())])
        .optional()
        .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).map(Number)),
    })
    .strict()
    .refine((d) => !isCommuneScoped(d.role) || d.communes.length > 0, { error: "errors.communesRequired", path: ["communes"] }),
);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  const [users, communes] = await Promise.all([listUsers(), listCommunes()]);
  const t = getFixedT(await getLanguage(request), "staff");
  return json({ users, communes: communes.map((c) => ({ id: c.id, name: c.name, kind: c.kind })), title: t("users.title") });
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  await requireRole(request, ["admin"]);
  const body = await readUrlEncodedForm(request, 32 * 1024);
  if (!body.ok) return formError(body.error, {});
  const result = validateObject(CreateUserSchema(), formToObject(body.form), new Set(["email", "name", "role"]));
  if (!result.ok) return result.response;
  const communeIds = new Set((await listCommunes()).map((c) => c.id));
  if (result.data.communes.some((id) => !communeIds.has(id)))
    return json<FormErrors>({ fieldErrors: { communes: "errors.invalid" }, values: result.values }, { status: 400 });
  const created = await createUser({ ...result.data, communeIds: isCommuneScoped(result.data.role) ? result.data.communes : [] });
  if (!created.ok)
    return json<FormErrors>({ fieldErrors: { email: "errors.emailTaken" }, values: result.values }, { status: 400 });
  return redirect(`/staff/users/${created.id}`, { status: 303 });
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
      <section className="card">
        <h2>{t("users.create")}</h2>
        {actionData?.formError ? (
          <p className="form-error" role="alert">
            {t(`users.formErrors.${actionData.formError}`)}
          </p>
        ) : null}
        <Form method="post">
          <div className="field">
            <label htmlFor="name">{t("users.name")}</label>
            <input
              id="name"
              name="name"
              required
              maxLength={100}
              defaultValue={v.name ?? ""}
              aria-invalid={errors.name ? true : undefined}
            />
            {errors.name ? <p className="field-error">{t(errors.name)}</p> : null}
          </div>
          <div className="field">
            <label htmlFor="email">{t("users.email")}</label>
            <input
              id="email"
              name="email"
              type="email"
              required
              defaultValue={v.email ?? ""}
              aria-invalid={errors.email ? true : undefined}
            />
            {errors.email ? <p className="field-error">{t(errors.email)}</p> : null}
          </div>
          <div className="field">
            <label htmlFor="role">{t("users.role")}</label>
            <select id="role" name="role" defaultValue={v.role ?? "official"}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`role.${r}`)}
                </option>
              ))}
            </select>
          </div>
          <CommunePicker communes={communes} selected={[]} error={errors.communes ? t(errors.communes) : undefined} />
          <div className="field">
            <label htmlFor="password">{t("users.password")}</label>
            <p className="hint">{t("users.passwordHint", { min: PASSWORD_MIN })}</p>
            <input
              id="password"
              name="password"
              type="password"
              autoComplete="new-password"
              required
              minLength={PASSWORD_MIN}
              aria-invalid={errors.password ? true : undefined}
            />
            {errors.password ? <p className="field-error">{t(errors.password, { min: PASSWORD_MIN })}</p> : null}
          </div>
          <button type="submit" className="button button--primary">
            {t("users.createSubmit")}
          </button>
        </Form>
      </section>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];
