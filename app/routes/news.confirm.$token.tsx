// The link in an area-news confirmation message (decision 043): GET shows what is followed and a
// button (mail scanners open links; only a POST confirms); the POST starts the news. An unknown
// link answers 404, an expired one 400 (the follow is erased by the retention job).
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/error-page";
import { confirmFollow, getFollowByToken } from "~/models/news/follow.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { assertSameOrigin } from "~/utils/request.server";

const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;
const noStore = { "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  const follow = TOKEN.test(token) ? await getFollowByToken({ token }) : null;
  const title = getFixedT(await getLanguage(request), "news")("confirm.title");
  if (!follow) return json({ follow: null, title }, { status: 404, headers: noStore });
  return json({ follow, title }, { status: follow.expired ? 400 : 200, headers: noStore });
}

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const token = params.token ?? "";
  const result = TOKEN.test(token) ? await confirmFollow({ token }) : ({ ok: false, reason: "notFound" } as const);
  if (!result.ok) return json({ confirmed: false }, { status: result.reason === "expired" ? 400 : 404, headers: noStore });
  return json({ confirmed: true }, { headers: noStore });
}

export default function ConfirmFollow() {
  const { follow } = useLoaderData<typeof loader>();
  const done = useActionData<typeof action>();
  const { t } = useTranslation("news");
  const area = follow?.village ? t("message.areaVillage", { village: follow.village, commune: follow.commune }) : follow?.commune;
  return (
    <div className="page">
      <h1>{t("confirm.heading")}</h1>
      {!follow ? (
        <p className="lead">{t("confirm.notFound")}</p>
      ) : done?.confirmed || follow.confirmed ? (
        <section className="card notice" role="status" data-testid="follow-confirmed">
          <p>{t("confirm.done", { area })}</p>
          <p>
            <Link to={`/c/${follow.slug}`}>{t("confirm.back")}</Link>
          </p>
        </section>
      ) : follow.expired || done ? (
        <p className="lead" role="alert">
          {t("confirm.expired")}
        </p>
      ) : (
        <Form method="post" className="card">
          <p>{t("confirm.question", { area })}</p>
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
