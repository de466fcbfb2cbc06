// Report settings (routes/staff.settings.complaints.tsx): default urgency and deadlines per category.
import { useTranslation } from "react-i18next";
import { IntentForm } from "./intent-form";
import { CellField } from "./forms";
import { useFieldError, type SettingsErrors } from "./settings-form-parts";
import { ScrollTable } from "~/components/scroll-table";

type Policy = {
  category: string;
  defaultUrgency: string;
  acknowledgeAmount: number;
  acknowledgeUnit: string;
  handleAmount: number;
  handleUnit: string;
  urgentHandleAmount: number;
  urgentHandleUnit: string;
};

export function PolicySettings({ policies, errors }: { policies: Policy[]; errors: SettingsErrors }) {
  const { t } = useTranslation("triage");
  const error = useFieldError(errors);
  const v = (name: string, fallback: string | number) => errors.values[name] ?? String(fallback);
  const deadline = (p: Policy, name: "acknowledge" | "handle" | "urgentHandle") => {
    const a = `${name}Amount_${p.category}`;
    const u = `${name}Unit_${p.category}`;
    return (
      <td>
        <CellField
          label={`${t(`settings.${name}`)} (${t(`complaint:category.${p.category}`)})`}
          inputProps={{ name: a, type: "number", min: 1, max: 500, required: true, defaultValue: v(a, p[`${name}Amount`]) }}
          errors={error(a)}
        >
          {" "}
          <select name={u} defaultValue={v(u, p[`${name}Unit`])} aria-label={t("settings.dayKind")}>
            <option value="working_hours">{t("settings.unitHours")}</option>
            <option value="working_days">{t("settings.unitDays")}</option>
          </select>
        </CellField>
      </td>
    );
  };
  return (
    <section className="card">
      <h2>{t("settings.policies")}</h2>
      <p className="hint">{t("settings.policiesHint")}</p>
      <IntentForm intent="policies" submitLabel={t("settings.save")} buttonClassName="button button--primary">
        <ScrollTable label={t("settings.policies")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("settings.category")}</th>
                <th scope="col">{t("settings.defaultUrgency")}</th>
                <th scope="col">{t("settings.acknowledge")}</th>
                <th scope="col">{t("settings.handle")}</th>
                <th scope="col">{t("settings.urgentHandle")}</th>
              </tr>
            </thead>
            <tbody>
              {policies.map((p) => (
                <tr key={p.category}>
                  <th scope="row">{t(`complaint:category.${p.category}`)}</th>
                  <td>
                    <select
                      name={`defaultUrgency_${p.category}`}
                      defaultValue={v(`defaultUrgency_${p.category}`, p.defaultUrgency)}
                      aria-label={`${t("settings.defaultUrgency")} (${t(`complaint:category.${p.category}`)})`}
                    >
                      <option value="urgent">{t("urgency.urgent")}</option>
                      <option value="normal">{t("urgency.normal")}</option>
                    </select>
                  </td>
                  {deadline(p, "acknowledge")}
                  {deadline(p, "handle")}
                  {deadline(p, "urgentHandle")}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      </IntentForm>
    </section>
  );
}
