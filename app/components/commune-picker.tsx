import { useTranslation } from "react-i18next";
import type { CommuneKind } from "~/generated/prisma/enums";
import { ChoiceFieldset } from "./forms";

/** The communes an official answers for: checkboxes, so it works without JavaScript. */
export function CommunePicker({
  communes,
  selected,
  error,
}: {
  communes: { id: number; name: string; kind: CommuneKind }[];
  selected: number[];
  error?: string;
}) {
  const { t } = useTranslation("staff");
  return (
    <ChoiceFieldset
      name="communes"
      className="commune-picker"
      legend={t("users.communes")}
      hint={t("users.communesHint")}
      errors={error}
    >
      <div className="commune-picker__list">
        {communes.map((c) => (
          <label key={c.id} className="check">
            <input type="checkbox" name="communes" value={c.id} defaultChecked={selected.includes(c.id)} />{" "}
            {t(`common:kind.${c.kind}`)} {c.name}
          </label>
        ))}
      </div>
    </ChoiceFieldset>
  );
}
