// Fields of the staff-account forms (create, edit, reset password), shared by both pages.
import { useTranslation } from "react-i18next";
import { PASSWORD_MIN, ROLES, type Role } from "~/lib/roles";
import { Field, SelectField } from "./forms";

/** The role of a staff account, every role in the schema's order. */
export function RoleSelect({ defaultValue }: { defaultValue: Role | string }) {
  const { t } = useTranslation("staff");
  return (
    <SelectField label={t("users.role")} selectProps={{ name: "role", defaultValue }}>
      {ROLES.map((r) => (
        <option key={r} value={r}>
          {t(`role.${r}`)}
        </option>
      ))}
    </SelectField>
  );
}

/** A password an administrator sets; `error` is a message key from the server. */
export function NewPasswordField({ label, error }: { label: string; error?: string }) {
  const { t } = useTranslation("staff");
  return (
    <Field
      label={label}
      hint={t("users.passwordHint", { min: PASSWORD_MIN })}
      inputProps={{ name: "password", type: "password", autoComplete: "new-password", required: true, minLength: PASSWORD_MIN }}
      errors={error && t(error, { min: PASSWORD_MIN })}
    />
  );
}
