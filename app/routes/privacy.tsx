// The public privacy notice (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15, decision 037): who the
// controller is (a setting), what is collected and why, who sees it, how long it is kept, the
// resident's rights and how to use them. The retention periods come from the settings.
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/error-page";
import { PRIVACY_NOTICE_VERSION, REQUEST_WORKING_DAYS } from "~/lib/privacy";
import { getController, getRetentionSettings } from "~/models/privacy/settings.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";

const PURPOSES = ["report", "contact", "photos", "survey", "network"] as const;
const RIGHTS = ["know", "consent", "see", "correct", "erase", "object", "complain"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const [controller, retention] = await Promise.all([getController(), getRetentionSettings()]);
  const t = getFixedT(await getLanguage(request), "privacy");
  return json({ controller, retention, version: PRIVACY_NOTICE_VERSION, title: t("page.title") });
}

export default function Privacy() {
  const { controller, retention, version } = useLoaderData<typeof loader>();
  const { t } = useTranslation("privacy");
  const controllerName = controller.name || t(`page.controller.${controller.controller}`);
  return (
    <div className="page prose">
      <h1>{t("page.heading")}</h1>
      <p className="lead">{t("page.intro")}</p>
      <h2>{t("page.controllerHeading")}</h2>
      <p data-testid="controller">{controllerName}</p>
      <p className="hint">{t("page.controllerHint")}</p>
      <h2>{t("page.purposesHeading")}</h2>
      <dl className="facts">
        {PURPOSES.map((p) => (
          <div key={p}>
            <dt>{t(`page.purposes.${p}.what`)}</dt>
            <dd>{t(`page.purposes.${p}.why`)}</dd>
          </div>
        ))}
      </dl>
      <h2>{t("page.whoHeading")}</h2>
      <p>{t("page.who")}</p>
      <h2>{t("page.retentionHeading")}</h2>
      <ul data-testid="retention">
        <li>{t("page.retention.contact", { days: retention.contactDays })}</li>
        <li>{t("page.retention.photos", { days: retention.photoDays })}</li>
        <li>{t("page.retention.ipHash", { days: retention.ipHashDays })}</li>
        <li>{t("page.retention.answerIpHash", { days: retention.answerIpHashDays })}</li>
        <li>{t("page.retention.report")}</li>
      </ul>
      <h2>{t("page.rightsHeading")}</h2>
      <ul>
        {RIGHTS.map((r) => (
          <li key={r}>{t(`page.rights.${r}`)}</li>
        ))}
      </ul>
      <h2>{t("page.howHeading")}</h2>
      <p>{t("page.how", { days: REQUEST_WORKING_DAYS })}</p>
      <p>
        <Link to="/t">{t("page.trackLink")}</Link>
      </p>
      <p className="hint">{t("page.version", { version })}</p>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export function ErrorBoundary() {
  return <ErrorPage />;
}
