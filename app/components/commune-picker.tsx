import { useTranslation } from "react-i18next";
import type { CommuneKind } from "~/generated/prisma/enums";

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
    <fieldset className="commune-picker" aria-invalid={error ? true : undefined}>
      <legend>{t("users.communes")}</legend>
      <p className="hint">{t("users.communesHint")}</p>
      {error ? <p className="field-error">{error}</p> : null}
      <div className="commune-picker__list">
        {communes.map((c) => (
          <label key={c.id} className="check">
            <input type="checkbox" name="communes" value={c.id} defaultChecked={selected.includes(c.id)} />{" "}
            {t(`common:kind.${c.kind}`)} {c.name}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
