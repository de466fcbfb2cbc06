// The stop link in every area-news message (decision 043): GET shows a button (mail scanners open
// links); a POST, including the one-click POST mail clients send from the List-Unsubscribe header
// (RFC 8058), erases the follow, its e-mail and its messages.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/error-page";
import { LinkPage, linkPageMeta } from "~/components/link-page";
import { getFollowByToken, stopFollow } from "~/models/news/follow.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { linkToken, LINK_PAGE_HEADERS } from "~/utils/link-token.server";
import { assertSameOrigin } from "~/utils/request.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = linkToken(params);
  const follow = token ? await getFollowByToken({ token }) : null;
  const title = getFixedT(await getLanguage(request), "news")("stop.title");
  if (!follow) return json({ follow: null, title }, { status: 404, headers: LINK_PAGE_HEADERS });
  return json({ follow, title }, { headers: LINK_PAGE_HEADERS });
}

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const token = linkToken(params);
  const stopped = token !== null && (await stopFollow({ token }));
  return json({ stopped }, { status: stopped ? 200 : 404, headers: LINK_PAGE_HEADERS });
}

export default function StopFollow() {
  const { follow } = useLoaderData<typeof loader>();
  const done = useActionData<typeof action>();
  const { t } = useTranslation("news");
  const area = follow?.village ? t("message.areaVillage", { village: follow.village, commune: follow.commune }) : follow?.commune;
  const step = done?.stopped ? "done" : !follow ? "notFound" : "ask";
  return (
    <LinkPage
      heading={t("stop.heading")}
      step={step}
      notFound={t("stop.notFound")}
      question={<p>{t("stop.question", { area })}</p>}
      submit={t("stop.submit")}
      done={<p>{t("stop.done")}</p>}
      doneTestId="follow-stopped"
    />
  );
}

export const meta = linkPageMeta;

export function ErrorBoundary() {
  return <ErrorPage />;
}
