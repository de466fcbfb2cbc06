// The link in a "me too" contact's confirmation e-mail (issue 26, decision 043): GET shows what
// the news is about and a button (mail scanners open links; only a POST confirms); the POST lets
// news about the report go to the e-mail. Unknown: 404; expired: 400 (the retention job erases it).
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/error-page";
import { confirmContactEmail, getContactConfirmation } from "~/models/complaint/supporter-contact.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { assertSameOrigin } from "~/utils/request.server";

const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;
const noStore = { "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  const about = TOKEN.test(token) ? await getContactConfirmation({ token }) : null;
  const title = getFixedT(await getLanguage(request), "news")("confirmContact.title");
  if (!about) return json({ about: null, title }, { status: 404, headers: noStore });
  return json({ about, title }, { status: about.expired ? 400 : 200, headers: noStore });
}

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const token = params.token ?? "";
  const result = TOKEN.test(token) ? await confirmContactEmail({ token }) : ({ ok: false, reason: "notFound" } as const);
  if (!result.ok) return json({ confirmed: false }, { status: result.reason === "expired" ? 400 : 404, headers: noStore });
  return json({ confirmed: true }, { headers: noStore });
}

export default function ConfirmContact() {
  const { about } = useLoaderData<typeof loader>();
  const done = useActionData<typeof action>();
  const { t } = useTranslation("news");
  const { t: tc } = useTranslation("complaint");
  const vars = about ? { category: tc(`category.${about.category}`).toLowerCase(), commune: about.commune } : {};
  return (
    <div className="page">
      <h1>{t("confirmContact.heading")}</h1>
      {!about ? (
        <p className="lead">{t("confirm.notFound")}</p>
      ) : done?.confirmed || about.confirmed ? (
        <p className="card notice" role="status" data-testid="contact-confirmed">
          {t("confirmContact.done", vars)}
        </p>
      ) : about.expired || done ? (
        <p className="lead" role="alert">
          {t("confirm.expired")}
        </p>
      ) : (
        <Form method="post" className="card">
          <p>{t("confirmContact.question", vars)}</p>
          <button type="submit" className="button button--primary button--block">
            {t("confirm.submit")}
          </button>
        </Form>
      )}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? "" },
  { name: "robots", content: "noindex" },
];

export function ErrorBoundary() {
  return <ErrorPage />;
}
