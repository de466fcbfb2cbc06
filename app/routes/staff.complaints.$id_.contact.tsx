// "Show contact": the resident's contact on one report, for the staff who handle it. Opening it is
// a post, logged (who, when, which report) for administrators (/staff/privacy/access); the page
// itself (GET) shows only the button. Never cached.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/error-page";
import { openContact } from "~/models/privacy/contact-access.server";
import { requireContactAccess } from "~/guards/contact.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { assertSameOrigin } from "~/utils/request.server";

const NO_STORE = { "Cache-Control": "private, no-store" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, complaint } = await requireContactAccess(request, params, "contact.open");
  const t = getFixedT(await getLanguage(request), "privacy");
  const back = user.role === "unit" ? `/staff/unit/${complaint.id}` : `/staff/complaints/${complaint.id}`;
  return json({ code: complaint.code, back, title: t("contact.title", { code: complaint.code }) }, { headers: NO_STORE });
}

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const { user, id } = await requireContactAccess(request, params, "contact.open");
  const opened = await openContact({ complaintId: id, userId: user.id });
  if (!opened) throw new Response(null, { status: 404 });
  return json({ contact: opened.contact, notify: opened.notify }, { headers: NO_STORE });
}

export default function ShowContact() {
  const { code, back } = useLoaderData<typeof loader>();
  const opened = useActionData<typeof action>();
  const { t } = useTranslation("privacy");
  return (
    <div className="page">
      <p>
        <Link to={back}>{t("contact.back")}</Link>
      </p>
      <h1>
        {t("contact.heading")} <span className="nowrap">{code}</span>
      </h1>
      {opened ? (
        <dl className="facts">
          <dt>{t("contact.heading")}</dt>
          <dd data-testid="contact">{opened.contact ?? t("contact.none")}</dd>
          {opened.notify.length > 0 ? (
            <>
              <dt>{t("contact.notify")}</dt>
              <dd>{opened.notify.join(" · ")}</dd>
            </>
          ) : null}
        </dl>
      ) : (
        <Form method="post">
          <button type="submit" className="button button--primary" data-testid="show-contact">
            {t("contact.show")}
          </button>{" "}
          <span className="hint">{t("contact.logged")}</span>
        </Form>
      )}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export function ErrorBoundary() {
  return <ErrorPage />;
}
