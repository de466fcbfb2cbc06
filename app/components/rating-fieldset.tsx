import { useTranslation } from "react-i18next";
import { RatingFace } from "~/components/rating-face";
import { localized } from "~/utils/i18n";
import { useLanguage } from "~/hooks/use-language";

const FACES = [1, 2, 3, 4, 5] as const;

type Props = {
  name: string;
  criterion: { key: string; nameVi: string; nameEn: string; descriptionVi: string; descriptionEn: string; isOverall: boolean };
  value?: string;
  error?: string;
};

/** One criterion: five large face buttons (native radios, so no JavaScript is needed) and "no opinion". */
export function RatingFieldset({ name, criterion, value, error }: Props) {
  const { t } = useTranslation("survey");
  const lng = useLanguage();
  const describedBy = `${name}-desc${error ? ` ${name}-error` : ""}`;
  return (
    <fieldset
      // the survey form moves the focus here when this question was skipped
      id={`${name}-fieldset`}
      tabIndex={-1}
      className={`rating${criterion.isOverall ? " rating--overall" : ""}${error ? " has-error" : ""}`}
      aria-describedby={describedBy}
      aria-invalid={error ? true : undefined}
    >
      <legend>{localized(criterion, "name", lng)}</legend>
      <p className="hint" id={`${name}-desc`}>
        {localized(criterion, "description", lng)}
      </p>
      {error ? (
        <p className="field-error" id={`${name}-error`}>
          {error}
        </p>
      ) : null}
      <div className="rating__faces">
        {FACES.map((f) => (
          <label key={f} className="rating__choice">
            <input type="radio" name={name} value={String(f)} defaultChecked={value === String(f)} required />
            <RatingFace value={f} />
            <span className="rating__label">{t(`scale.${f}`)}</span>
          </label>
        ))}
      </div>
      <label className="rating__choice rating__choice--na">
        <input type="radio" name={name} value="na" defaultChecked={value === "na"} />
        <span className="rating__label">{t("scale.na")}</span>
      </label>
    </fieldset>
  );
}
