// The stop link in every area-news message (decision 043): GET shows a button (mail scanners open
// links); a POST, including the one-click POST mail clients send from the List-Unsubscribe header
// (RFC 8058), erases the follow, its e-mail and its messages.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/error-page";
import { getFollowByToken, stopFollow } from "~/models/news/follow.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { assertSameOrigin } from "~/utils/request.server";

const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;
const noStore = { "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  const follow = TOKEN.test(token) ? await getFollowByToken({ token }) : null;
  const title = getFixedT(await getLanguage(request), "news")("stop.title");
  if (!follow) return json({ follow: null, title }, { status: 404, headers: noStore });
  return json({ follow, title }, { headers: noStore });
}

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const token = params.token ?? "";
  const stopped = TOKEN.test(token) && (await stopFollow({ token }));
  return json({ stopped }, { status: stopped ? 200 : 404, headers: noStore });
}

export default function StopFollow() {
  const { follow } = useLoaderData<typeof loader>();
  const done = useActionData<typeof action>();
  const { t } = useTranslation("news");
  const area = follow?.village ? t("message.areaVillage", { village: follow.village, commune: follow.commune }) : follow?.commune;
  return (
    <div className="page">
      <h1>{t("stop.heading")}</h1>
      {done?.stopped ? (
        <p className="card notice" role="status" data-testid="follow-stopped">
          {t("stop.done")}
        </p>
      ) : !follow ? (
        <p className="lead">{t("stop.notFound")}</p>
      ) : (
        <Form method="post" className="card">
          <p>{t("stop.question", { area })}</p>
          <button type="submit" className="button button--primary button--block">
            {t("stop.submit")}
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
