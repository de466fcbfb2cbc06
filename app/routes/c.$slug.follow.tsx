// Following a commune's news by e-mail (issue 24, decision 043). The commune page's form posts
// here; a refused post shows the form again with the errors (400, input kept); an accepted one
// writes the follow and its confirmation message and shows "check your e-mail". The answer is the
// same whether the address already follows or not, so the form tells nobody who follows what.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CommuneBreadcrumb } from "~/components/commune-breadcrumb";
import { ErrorPage } from "~/components/error-page";
import { FollowForm, VILLAGE_MAX } from "~/components/follow-form";
import { consentField } from "~/forms/consent.server";
import { validateForm, type FormErrors } from "~/forms/form.server";
import { optionalText, z } from "~/forms/validation.server";
import { isEmail, normaliseEmail } from "~/lib/contact";
import { getCommuneBySlug } from "~/models/commune.server";
import { followArea } from "~/models/news/follow.server";
import { keyedHash } from "~/utils/hash.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { lazy } from "~/utils/lazy";
import { takeToken } from "~/utils/rate-limit.server";
import { assertSameOrigin } from "~/utils/request.server";

const FollowSchema = /* @__PURE__ */ lazy(() =>
  z
    .object({
      email: optionalText(200, "news:follow.emailInvalid").refine((e) => e !== null && isEmail(e), {
        error: "news:follow.emailInvalid",
      }),
      village: optionalText(VILLAGE_MAX, "news:follow.villageTooLong"),
      ...consentField(),
    })
    .strict()
    .refine((d) => d.consent, { error: "privacy:notice.consentRequired", path: ["consent"] }),
);

async function loadCommune(params: { slug?: string }) {
  const commune = await getCommuneBySlug({ slug: params.slug ?? "" });
  if (!commune) throw new Response(null, { status: 404 });
  return commune;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const commune = await loadCommune(params);
  const t = getFixedT(await getLanguage(request), "news");
  return json({
    commune: { slug: commune.slug, name: commune.name, kind: commune.kind },
    sent: new URL(request.url).searchParams.has("sent"),
    title: t("follow.title", { name: commune.name }),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const commune = await loadCommune(params);
  const result = await validateForm(request, FollowSchema(), { maxBytes: 2048 });
  if (!result.ok) return result.response;
  if (!(await takeToken("follow", keyedHash("ip", context.clientIp ?? "unknown")))) throw new Response(null, { status: 429 });
  const email = normaliseEmail(result.data.email!);
  // Per address followed: past the day's few confirmations nothing more is sent to it, and the
  // answer stays the same (nobody learns whether it follows; nobody floods a stranger's mailbox).
  if (await takeToken("followEmail", keyedHash("email", email)))
    await followArea({ communeId: commune.id, village: result.data.village ?? "", email });
  return redirect(`/c/${commune.slug}/follow?sent=1`, { status: 303 });
}

export default function Follow() {
  const { commune, sent } = useLoaderData<typeof loader>();
  const actionData = useActionData<FormErrors>();
  const { t } = useTranslation("news");
  return (
    <div className="page">
      <CommuneBreadcrumb commune={commune} />
      {sent ? (
        <p className="card notice" role="status" data-testid="follow-sent">
          {t("follow.sent")}
        </p>
      ) : (
        <FollowForm slug={commune.slug} values={actionData?.values} errors={actionData?.fieldErrors} />
      )}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export function ErrorBoundary() {
  return <ErrorPage />;
}
