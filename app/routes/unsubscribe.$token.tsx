// The "stop messages" link in every e-mail and SMS: no login, the random token is the key.
// GET shows a button (mail scanners open links; only a POST stops); a POST stops, including the
// one-click POST that mail clients send from the List-Unsubscribe header (RFC 8058).
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/error-page";
import { getSubscriptionByToken, stopSubscription } from "~/models/outbox.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { assertSameOrigin } from "~/utils/request.server";

const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;
const noStore = { "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  const sub = TOKEN.test(token) ? await getSubscriptionByToken({ token }) : null;
  const title = getFixedT(await getLanguage(request), "notify")("stop.title");
  if (!sub) return json({ sub: null, title }, { status: 404, headers: noStore });
  return json({ sub, title }, { headers: noStore });
}

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const token = params.token ?? "";
  const result = TOKEN.test(token) ? await stopSubscription({ token }) : { ok: false as const };
  if (!result.ok) return json({ stopped: false }, { status: 404, headers: noStore });
  return json({ stopped: true }, { headers: noStore });
}

export default function Unsubscribe() {
  const { sub } = useLoaderData<typeof loader>();
  const done = useActionData<typeof action>();
  const { t } = useTranslation("notify");
  const { t: tc } = useTranslation("complaint");
  return (
    <div className="page">
      <h1>{t("stop.heading")}</h1>
      {!sub ? (
        <p className="lead">{t("stop.notFound")}</p>
      ) : (
        <section className="card">
          <p>{t("stop.about", { category: tc(`category.${sub.category}`).toLowerCase(), commune: sub.commune })}</p>
          {done?.stopped || sub.stopped ? (
            <p role="status" data-testid="stopped">
              {done?.stopped ? t("stop.done") : t("stop.already")}
            </p>
          ) : (
            <Form method="post">
              <p>{t("stop.question")}</p>
              <button type="submit" className="button button--primary button--block">
                {t("stop.confirm")}
              </button>
            </Form>
          )}
        </section>
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
