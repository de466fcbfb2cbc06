// Staff review a complaint's photos: each is public only once an official of the commune approves it.
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { IntentForm } from "./intent-form";

type Props = {
  complaintId: number;
  photos: { id: number; approved: boolean; width: number; height: number }[];
  canWrite: boolean;
  /** may blur parts of a photo (policy "photo.redact") */
  canRedact: boolean;
};

export function PhotoReview({ complaintId, photos, canWrite, canRedact }: Props) {
  const { t } = useTranslation("staff");
  if (photos.length === 0) return null;
  const pending = photos.filter((p) => !p.approved).length;
  return (
    <section className="card">
      <h2>{t("detail.photos")}</h2>
      {canWrite && pending > 1 ? (
        <Form method="post">
          <input type="hidden" name="intent" value="photosAll" />
          <button type="submit" className="button button--primary" data-testid="approve-all">
            {t("handling:approveAll", { count: pending })}
          </button>
        </Form>
      ) : null}
      <div className="photos">
        {photos.map((p) => (
          <figure key={p.id}>
            <img src={`/photos/${p.id}`} width={p.width} height={p.height} alt={t("detail.photoAlt")} loading="lazy" />
            <figcaption>
              {p.approved ? t("detail.photoPublic") : t("detail.photoPending")}
              {canWrite ? (
                <IntentForm intent="photo" submitLabel={p.approved ? t("detail.photoHide") : t("detail.photoApprove")}>
                  <input type="hidden" name="photoId" value={p.id} />
                  <input type="hidden" name="approved" value={p.approved ? "0" : "1"} />
                </IntentForm>
              ) : null}
              {canRedact ? (
                <Link to={`/staff/complaints/${complaintId}/photos/${p.id}/redact`} data-testid={`redact-${p.id}`}>
                  {t("redact.link")}
                </Link>
              ) : null}
            </figcaption>
          </figure>
        ))}
      </div>
    </section>
  );
}
