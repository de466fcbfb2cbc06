// Council members' reviews of a commune (recommend, defer, not ready, with a reason) and, for a
// council member, the form to add one.
import type { SerializeFrom } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDate } from "~/lib/format";
import { REVIEW_VERDICTS } from "~/lib/review";
import type { Dossier } from "~/models/dossier.server";
import type { FormErrors } from "~/forms/form.server";
import { useLanguage } from "~/hooks/use-language";
import { ChoiceFieldset, FormError, ReasonField } from "./forms";

export function ReviewSection({
  reviews,
  canReview,
  actionData,
}: {
  reviews: SerializeFrom<Dossier>["reviews"];
  canReview: boolean;
  actionData?: FormErrors;
}) {
  const { t } = useTranslation("council");
  const lng = useLanguage();
  const errors = actionData?.fieldErrors ?? {};
  return (
    <section className="card" id="reviews">
      <h2>{t("dossier.reviews")}</h2>
      {reviews.length === 0 ? (
        <p className="muted">{t("dossier.noReviews")}</p>
      ) : (
        <ul className="plain-list" data-testid="reviews">
          {reviews.map((r) => (
            <li key={r.id}>
              <strong>{t(`review.${r.verdict}`)}</strong> · {r.user.name} · {formatDate(r.createdAt, lng)}
              <p className="review-reason">{r.reason}</p>
            </li>
          ))}
        </ul>
      )}
      {canReview ? (
        <Form method="post" className="no-print">
          <FormError message={actionData?.formError && t(`dossier.formErrors.${actionData.formError}`)} />
          <ChoiceFieldset
            name="verdict"
            className="choice-row"
            legend={t("dossier.addReview")}
            errors={errors.verdict && t(errors.verdict)}
          >
            {REVIEW_VERDICTS.map((v) => (
              <label key={v} className="choice">
                <input type="radio" name="verdict" value={v} required defaultChecked={actionData?.values.verdict === v} />{" "}
                {t(`review.${v}`)}
              </label>
            ))}
          </ChoiceFieldset>
          <ReasonField
            label={t("dossier.reason")}
            maxLength={2000}
            defaultValue={actionData?.values.reason}
            errors={errors.reason && t(errors.reason)}
          />
          <button type="submit" className="button button--primary">
            {t("dossier.saveReview")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
