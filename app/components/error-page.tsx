import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** The one error page: 404, 403, 400 and unexpected errors, in the user's language. */
export function ErrorPage() {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const kind =
    status === 404
      ? "notFound"
      : status === 403
        ? "forbidden"
        : status === 503
          ? "unavailable"
          : status === 413
            ? "tooLarge"
            : status === 429
              ? "security:errors.tooMany"
              : status < 500
                ? "badRequest"
                : "server";
  if (!isRouteErrorResponse(error)) console.error(error);
  // A fetch that never reached the server (no signal): say so, and offer to go back to the form.
  const offline =
    !isRouteErrorResponse(error) && typeof navigator !== "undefined" && (!navigator.onLine || error instanceof TypeError);
  if (offline) {
    return (
      <section className="page error-page">
        <h1>{t("pwa:offline.title")}</h1>
        <p>{t("pwa:offline.body")}</p>
        <p>
          <button type="button" className="button button--primary" onClick={() => window.history.back()}>
            {t("pwa:offline.back")}
          </button>
        </p>
      </section>
    );
  }
  return (
    <section className="page error-page">
      <h1>{t(kind.includes(":") ? `${kind}.title` : `errors.${kind}.title`)}</h1>
      <p>{t(kind.includes(":") ? `${kind}.body` : `errors.${kind}.body`)}</p>
      <p>
        <Link to="/" className="button">
          {t("errors.home")}
        </Link>
      </p>
    </section>
  );
}
