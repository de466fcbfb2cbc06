// The "stop messages" link in every e-mail and SMS: no login, the random token is the key.
// GET shows a button (mail scanners open links; only a POST stops); a POST stops, including the
// one-click POST that mail clients send from the List-Unsubscribe header (RFC 8058).
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/error-page";
import { LinkPage, linkPageMeta } from "~/components/link-page";
import { getSubscriptionByToken, stopSubscription } from "~/models/outbox.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { linkToken, LINK_PAGE_HEADERS } from "~/utils/link-token.server";
import { assertSameOrigin } from "~/utils/request.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = linkToken(params);
  const sub = token ? await getSubscriptionByToken({ token }) : null;
  const title = getFixedT(await getLanguage(request), "notify")("stop.title");
  if (!sub) return json({ sub: null, title }, { status: 404, headers: LINK_PAGE_HEADERS });
  return json({ sub, title }, { headers: LINK_PAGE_HEADERS });
}

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const token = linkToken(params);
  const result = token ? await stopSubscription({ token }) : { ok: false as const };
  if (!result.ok) return json({ stopped: false }, { status: 404, headers: LINK_PAGE_HEADERS });
  return json({ stopped: true }, { headers: LINK_PAGE_HEADERS });
}

export default function Unsubscribe() {
  const { sub } = useLoaderData<typeof loader>();
  const done = useActionData<typeof action>();
  const { t } = useTranslation("notify");
  const { t: tc } = useTranslation("complaint");
  const step = !sub ? "notFound" : done?.stopped || sub.stopped ? "done" : "ask";
  return (
    <LinkPage
      heading={t("stop.heading")}
      step={step}
      notFound={t("stop.notFound")}
      about={
        sub ? <p>{t("stop.about", { category: tc(`category.${sub.category}`).toLowerCase(), commune: sub.commune })}</p> : null
      }
      question={<p>{t("stop.question")}</p>}
      submit={t("stop.confirm")}
      done={<p>{done?.stopped ? t("stop.done") : t("stop.already")}</p>}
      doneTestId="stopped"
    />
  );
}

export const meta = linkPageMeta;

export function ErrorBoundary() {
  return <ErrorPage />;
}
