// Administrators' settings: one page each for satisfaction thresholds, complaint deadlines and
// recognition decisions (staff.settings.thresholds / .complaints / .recognitions), under one
// heading and a sub-navigation. /staff/settings itself leads to the thresholds.
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { NavLink, Outlet } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/error-page";
import { requirePermission } from "~/guards/auth.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "settings.edit");
  const t = getFixedT(await getLanguage(request), "staff");
  return json({ title: t("settings.title") });
}

export default function Settings() {
  const { t } = useTranslation("staff");
  return (
    <>
      <h1>{t("settings.heading")}</h1>
      <nav className="sub-nav no-print" aria-label={t("settings.heading")}>
        <NavLink to="/staff/settings/thresholds">{t("settings.thresholds")}</NavLink>
        <NavLink to="/staff/settings/complaints">{t("settings.deadlines")}</NavLink>
        <NavLink to="/staff/settings/recognitions">{t("settings.recognitions")}</NavLink>
        <NavLink to="/staff/settings/integrity">{t("integrity:settings.heading")}</NavLink>
      </nav>
      <Outlet />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export function ErrorBoundary() {
  return <ErrorPage />;
}
