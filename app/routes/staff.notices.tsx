// Short notices on a commune's pages (water cut, storm, road closed; issue 24, decision 039): an
// official posts them for their commune, an administrator for any; they show at the top of the
// commune page, the report form and the poster while current, and can be ended early.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/error-page";
import { FormErrorSummary } from "~/components/form-error-summary";
import { NoticeForm, NoticeList } from "~/components/notice-sections";
import { NOTICE_TEXT_MAX } from "~/lib/notice";
import { communesFor } from "~/lib/policy";
import { vnIsoDay } from "~/lib/vn-time";
import { listCommunes } from "~/models/commune.server";
import { endNotice, getNoticeCommune, listNoticesForStaff, postNotice } from "~/models/notice.server";
import { requireCommunePermission, requirePermission } from "~/guards/auth.server";
import { fieldErrors, formError, validateForm, type FormErrors } from "~/forms/form.server";
import { requiredText, z } from "~/forms/validation.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { lazy } from "~/utils/lazy";
import { assertSameOrigin } from "~/utils/request.server";

const day = (error: string) => z.iso.date({ error });
const NoticeSchema = /* @__PURE__ */ lazy(() =>
  z.discriminatedUnion(
    "intent",
    [
      z
        .object({
          intent: z.literal("post"),
          communeId: z.coerce.number({ error: "notices.errors.commune" }).int().positive({ error: "notices.errors.commune" }),
          text: requiredText({
            max: NOTICE_TEXT_MAX,
            required: "notices.errors.textRequired",
            tooLong: "notices.errors.textTooLong",
          }),
          startDay: day("notices.errors.day"),
          endDay: day("notices.errors.endRequired"),
        })
        .strict(),
      z.object({ intent: z.literal("end"), noticeId: z.coerce.number().int().positive() }).strict(),
    ],
    { error: "errors.invalid" },
  ),
);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "notice.manage");
  const communeIds = communesFor(user, "notice.manage");
  const now = new Date();
  const [notices, communes, lng] = await Promise.all([
    listNoticesForStaff({ communeIds, now }),
    listCommunes(),
    getLanguage(request),
  ]);
  return json(
    {
      ...notices,
      communes: communes.filter((c) => communeIds === null || communeIds.includes(c.id)).map((c) => ({ id: c.id, name: c.name })),
      today: vnIsoDay(now),
      done: new URL(request.url).searchParams.get("done"),
      title: getFixedT(lng, "staff")("notices.title"),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const user = await requirePermission(request, "notice.manage");
  const result = await validateForm(request, NoticeSchema(), { maxBytes: 8 * 1024 });
  if (!result.ok) return result.response;
  const data = result.data;
  if (data.intent === "post") {
    requireCommunePermission(user, "notice.manage", data.communeId);
    const posted = await postNotice({ ...data, actorId: user.id });
    if (!posted.ok) return fieldErrors({ [posted.field]: posted.key }, result.values);
    return redirect("/staff/notices?done=posted", { status: 303 });
  }
  const notice = await getNoticeCommune({ id: data.noticeId });
  if (!notice) throw new Response(null, { status: 404 });
  requireCommunePermission(user, "notice.manage", notice.communeId);
  const ended = await endNotice({ id: data.noticeId, actorId: user.id });
  if (!ended.ok) return formError("ended", result.values, 409);
  return redirect("/staff/notices?done=ended", { status: 303 });
}

export default function Notices() {
  const { open, past, communes, today, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<FormErrors>();
  const { t } = useTranslation("staff");
  return (
    <>
      <h1>{t("notices.heading")}</h1>
      <p className="hint">{t("notices.intro")}</p>
      {!actionData && (done === "posted" || done === "ended") ? (
        <p role="status" className="action-done" data-testid="notice-done">
          ✓ {t(`notices.done.${done}`)}
        </p>
      ) : null}
      <FormErrorSummary actionData={actionData} ns="staff" prefix="notices.formErrors" />
      <NoticeForm communes={communes} today={today} errors={actionData?.fieldErrors ?? {}} values={actionData?.values ?? {}} />
      <NoticeList heading={t("notices.current")} notices={open} canEnd />
      <NoticeList heading={t("notices.past")} notices={past} />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export function ErrorBoundary() {
  return <ErrorPage />;
}
