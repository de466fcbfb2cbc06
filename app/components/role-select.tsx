import { useTranslation } from "react-i18next";
import { ROLES, type Role } from "~/lib/roles";
import { SelectField } from "./forms";

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
