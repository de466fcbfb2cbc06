// Report settings (routes/staff.settings.complaints.tsx): the units reports are forwarded to, and their members.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { UnitKind } from "~/generated/prisma/enums";
import { ErrorList, InlineField } from "./forms";
import { useFieldError, type SettingsErrors } from "./settings-form-parts";

export function UnitSettings({
  units,
  errors,
}: {
  units: { id: number; name: string; slug: string; kind: string; members: { id: number; email: string; name: string }[] }[];
  errors: SettingsErrors;
}) {
  const { t } = useTranslation("triage");
  const error = useFieldError(errors);
  return (
    <section className="card">
      <h2>{t("settings.units")}</h2>
      <ul>
        {units.map((u) => (
          <li key={u.id}>
            <strong>{u.name}</strong> · {t(`unitKind.${u.kind}`)} · {u.slug}
            <br />
            {t("settings.members")}: {u.members.map((m) => m.email).join(", ") || "—"}
            <Form method="post" className="inline-form">
              <input type="hidden" name="intent" value="addMember" />
              <input type="hidden" name="unitId" value={u.id} />
              <InlineField
                label={t("settings.memberEmail")}
                inputProps={{ name: "email", type: "email", required: true, maxLength: 200 }}
                errorId={`email_${u.id}`}
                errors={error(`email_${u.id}`)}
              />
              <button type="submit" className="button">
                {t("settings.addMember")}
              </button>
              <ErrorList id={`email_${u.id}-error`} errors={error(`email_${u.id}`)} />
            </Form>
          </li>
        ))}
      </ul>
      <Form method="post" className="inline-form">
        <input type="hidden" name="intent" value="addUnit" />
        <InlineField
          label={t("settings.unitName")}
          inputProps={{ name: "name", type: "text", required: true, maxLength: 100, defaultValue: errors.values.name }}
          errors={error("name")}
        />
        <InlineField
          label={t("settings.unitSlug")}
          inputProps={{ name: "slug", type: "text", required: true, maxLength: 60, defaultValue: errors.values.slug }}
          errors={error("slug")}
        />
        <label>
          {t("settings.unitKind")}{" "}
          <select name="kind" defaultValue={errors.values.kind ?? "department"}>
            {Object.values(UnitKind).map((k) => (
              <option key={k} value={k}>
                {t(`unitKind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button">
          {t("settings.add")}
        </button>
        <ErrorList id="name-error" errors={error("name")} />
        <ErrorList id="slug-error" errors={error("slug")} />
      </Form>
    </section>
  );
}
