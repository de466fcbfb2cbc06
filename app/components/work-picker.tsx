// "This report is about a work" on the report form (issue 22): the commune's works grouped by
// village, a plain <select> (works without JavaScript, no script added to the resident's page).
import { useTranslation } from "react-i18next";
import type { WorkChoice } from "~/models/work/works.server";
import { SelectField } from "./forms";

export function WorkPicker({ works, selected, error }: { works: WorkChoice[]; selected: string; error?: string }) {
  const { t } = useTranslation("works");
  if (works.length === 0) return null;
  const villages = [...new Set(works.map((w) => w.village ?? ""))];
  return (
    <SelectField
      label={t("pick.label")}
      hint={t("pick.hint")}
      errors={error}
      selectProps={{ name: "work", defaultValue: selected }}
    >
      <option value="">{t("pick.none")}</option>
      {villages.map((v) => (
        <optgroup key={v} label={v || "—"}>
          {works
            .filter((w) => (w.village ?? "") === v)
            .map((w) => (
              <option key={w.code} value={w.code}>
                {w.name} ({t(`category.${w.category}`)})
              </option>
            ))}
        </optgroup>
      ))}
    </SelectField>
  );
}
