// The link in an area-news confirmation message (decision 043): GET shows what is followed and a
// button (mail scanners open links; only a POST confirms); the POST starts the news. An unknown
// link answers 404, an expired one 400 (the follow is erased by the retention job).
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/error-page";
import { LinkPage, linkPageMeta } from "~/components/link-page";
import { confirmFollow, getFollowByToken } from "~/models/news/follow.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { linkToken, LINK_PAGE_HEADERS } from "~/utils/link-token.server";
import { assertSameOrigin } from "~/utils/request.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = linkToken(params);
  const follow = token ? await getFollowByToken({ token }) : null;
  const title = getFixedT(await getLanguage(request), "news")("confirm.title");
  if (!follow) return json({ follow: null, title }, { status: 404, headers: LINK_PAGE_HEADERS });
  return json({ follow, title }, { status: follow.expired ? 400 : 200, headers: LINK_PAGE_HEADERS });
}

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const token = linkToken(params);
  const result = token ? await confirmFollow({ token }) : ({ ok: false, reason: "notFound" } as const);
  if (!result.ok)
    return json({ confirmed: false }, { status: result.reason === "expired" ? 400 : 404, headers: LINK_PAGE_HEADERS });
  return json({ confirmed: true }, { headers: LINK_PAGE_HEADERS });
}

export default function ConfirmFollow() {
  const { follow } = useLoaderData<typeof loader>();
  const done = useActionData<typeof action>();
  const { t } = useTranslation("news");
  const area = follow?.village ? t("message.areaVillage", { village: follow.village, commune: follow.commune }) : follow?.commune;
  const step = !follow ? "notFound" : done?.confirmed || follow.confirmed ? "done" : follow.expired || done ? "expired" : "ask";
  return (
    <LinkPage
      heading={t("confirm.heading")}
      step={step}
      notFound={t("confirm.notFound")}
      expired={t("confirm.expired")}
      question={<p>{t("confirm.question", { area })}</p>}
      submit={t("confirm.submit")}
      done={
        <>
          <p>{t("confirm.done", { area })}</p>
          {follow ? (
            <p>
              <Link to={`/c/${follow.slug}`}>{t("confirm.back")}</Link>
            </p>
          ) : null}
        </>
      }
      doneTestId="follow-confirmed"
    />
  );
}

export const meta = linkPageMeta;

export function ErrorBoundary() {
  return <ErrorPage />;
}
