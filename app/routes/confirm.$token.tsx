// The link in a "me too" contact's confirmation e-mail (issue 26, decision 043): GET shows what
// the news is about and a button (mail scanners open links; only a POST confirms); the POST lets
// news about the report go to the e-mail. Unknown: 404; expired: 400 (the retention job erases it).
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/error-page";
import { LinkPage, linkPageMeta } from "~/components/link-page";
import { confirmContactEmail, getContactConfirmation } from "~/models/complaint/supporter-contact.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { linkToken, LINK_PAGE_HEADERS } from "~/utils/link-token.server";
import { assertSameOrigin } from "~/utils/request.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = linkToken(params);
  const about = token ? await getContactConfirmation({ token }) : null;
  const title = getFixedT(await getLanguage(request), "news")("confirmContact.title");
  if (!about) return json({ about: null, title }, { status: 404, headers: LINK_PAGE_HEADERS });
  return json({ about, title }, { status: about.expired ? 400 : 200, headers: LINK_PAGE_HEADERS });
}

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const token = linkToken(params);
  const result = token ? await confirmContactEmail({ token }) : ({ ok: false, reason: "notFound" } as const);
  if (!result.ok)
    return json({ confirmed: false }, { status: result.reason === "expired" ? 400 : 404, headers: LINK_PAGE_HEADERS });
  return json({ confirmed: true }, { headers: LINK_PAGE_HEADERS });
}

export default function ConfirmContact() {
  const { about } = useLoaderData<typeof loader>();
  const done = useActionData<typeof action>();
  const { t } = useTranslation("news");
  const { t: tc } = useTranslation("complaint");
  const vars = about ? { category: tc(`category.${about.category}`).toLowerCase(), commune: about.commune } : {};
  const step = !about ? "notFound" : done?.confirmed || about.confirmed ? "done" : about.expired || done ? "expired" : "ask";
  return (
    <LinkPage
      heading={t("confirmContact.heading")}
      step={step}
      notFound={t("confirm.notFound")}
      expired={t("confirm.expired")}
      question={<p>{t("confirmContact.question", vars)}</p>}
      submit={t("confirm.submit")}
      done={<p>{t("confirmContact.done", vars)}</p>}
      doneTestId="contact-confirmed"
    />
  );
}

export const meta = linkPageMeta;

export function ErrorBoundary() {
  return <ErrorPage />;
}
