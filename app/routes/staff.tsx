// The staff area's frame: every page below it requires a signed-in user (each page and action
// also checks its own role and commune).
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/error-page";
import { can } from "~/lib/policy";
import { requireUser } from "~/guards/auth.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json(
    {
      user: { name: user.name, role: user.role, communes: user.communes },
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export default function StaffLayout() {
  const { user } = useLoaderData<typeof loader>();
  const { t } = useTranslation("staff");
  return (
    <div className="page page--wide staff">
      <nav className="staff-nav" aria-label={t("nav.label")}>
        {can(user, "forwarded.handle") ? (
          <NavLink to="/staff/unit">{t("triage:unit.nav")}</NavLink>
        ) : (
          <>
            <NavLink to="/staff" end>
              {t("nav.inbox")}
            </NavLink>
            <NavLink to="/staff/map">{t("map:openMap")}</NavLink>
            {can(user, "council.read") ? <NavLink to="/staff/council">{t("nav.dashboard")}</NavLink> : null}
            <NavLink to="/staff/rounds">{t("nav.rounds")}</NavLink>
            <NavLink to="/staff/posters">{t("pwa:posters.title")}</NavLink>
            {can(user, "work.inspect") ? (
              <NavLink to="/staff/works" end>
                {t("works:board.nav")}
              </NavLink>
            ) : can(user, "works.import") ? (
              <NavLink to="/staff/works/import">{t("works:board.nav")}</NavLink>
            ) : null}
          </>
        )}
        {can(user, "notice.manage") ? <NavLink to="/staff/notices">{t("notices.nav")}</NavLink> : null}
        {can(user, "privacy.queue") ? <NavLink to="/staff/privacy">{t("privacy:queue.heading")}</NavLink> : null}
        {can(user, "users.manage") ? <NavLink to="/staff/users">{t("nav.users")}</NavLink> : null}
        {can(user, "settings.edit") ? <NavLink to="/staff/settings">{t("nav.settings")}</NavLink> : null}
        {can(user, "apiKeys.manage") ? <NavLink to="/staff/api-keys">{t("notify:apiKeys.title")}</NavLink> : null}
        {can(user, "register.import") ? <NavLink to="/staff/register">{t("ballot:register.nav")}</NavLink> : null}
        {can(user, "audit.trail") ? <NavLink to="/staff/audit">{t("ballot:auditPage.nav")}</NavLink> : null}
        <NavLink to="/staff/password">{t("security:nav.account")}</NavLink>
        <span className="staff-nav__user">
          {user.name} · {t(`role.${user.role}`)}
        </span>
        <Form method="post" action="/staff/logout">
          <button type="submit" className="link-button">
            {t("nav.logout")}
          </button>
        </Form>
      </nav>
      <Outlet />
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
