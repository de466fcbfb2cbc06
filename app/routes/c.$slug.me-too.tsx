// "I have this problem too": a resident supports an open report of the commune instead of filing
// a duplicate (a plain form post: works without JavaScript), then sees the count and, on the same
// page, may leave an e-mail and/or phone for news about it. That form posts to ?id=…&subscribe,
// so a refused post renders this page again with the errors. Only someone whose cookie supported
// the report may subscribe: a forged post attaches no contact to any report.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import crypto from "node:crypto";
import { useTranslation } from "react-i18next";
import { StatusTag } from "~/components/triage-badges";
import { CommuneBreadcrumb } from "~/components/commune-breadcrumb";
import { ErrorPage } from "~/components/error-page";
import { getCommuneBySlug } from "~/models/commune.server";
import { Field, FormError } from "~/components/forms";
import { NotifyFields } from "~/components/notify-fields";
import { getSupportedSummary, isSupporter, subscribeAsSupporter, supportComplaint } from "~/models/complaint/supporters.server";
import { confirmSupporterPhone, phoneCodePending, phoneNewsAvailable } from "~/models/complaint/supporter-contact.server";
import { readVoterId, voterCookie } from "~/utils/cookies.server";
import { fieldErrors, validateForm, type FormErrors } from "~/forms/form.server";
import { keyedHash } from "~/utils/hash.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { lazy } from "~/utils/lazy";
import { takeToken } from "~/utils/rate-limit.server";
import { assertSameOrigin } from "~/utils/request.server";
import { notifyContactFields, z } from "~/forms/validation.server";
import { consentField } from "~/forms/consent.server";

const CodeSchema = /* @__PURE__ */ lazy(() =>
  z
    .object({
      complaintId: z.coerce.number().int().positive(),
      code: z
        .string()
        .trim()
        .regex(/^\d{6}$/, { error: "news:code.invalid" }),
    })
    .strict(),
);

const MeTooSchema = /* @__PURE__ */ lazy(() => z.object({ complaintId: z.coerce.number().int().positive() }).strict());

/** News for a supporter: the report form's contact rule, and at least one of the two. */
const SubscribeSchema = /* @__PURE__ */ lazy(() =>
  z
    .object({ complaintId: z.coerce.number().int().positive(), ...notifyContactFields(), ...consentField() })
    .strict()
    .refine((d) => d.email !== null || d.phone !== null, { error: "notify:supporter.contactRequired", path: ["email"] })
    .refine((d) => d.consent, { error: "privacy:notice.consentRequired", path: ["consent"] }),
);

async function loadCommune(params: { slug?: string }) {
  const commune = await getCommuneBySlug({ slug: params.slug ?? "" });
  if (!commune) throw new Response(null, { status: 404 });
  return commune;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const commune = await loadCommune(params);
  const url = new URL(request.url);
  const id = Number(url.searchParams.get("id"));
  const summary =
    Number.isSafeInteger(id) && id > 0 ? await getSupportedSummary({ complaintId: id, communeId: commune.id }) : null;
  if (!summary) throw new Response(null, { status: 404 });
  const voterId = await readVoterId(request);
  const voterHash = voterId !== null ? keyedHash("voter", voterId) : null;
  const supporter = voterHash !== null && (await isSupporter({ complaintId: id, voterHash }));
  const codePending = voterHash !== null && supporter && (await phoneCodePending({ complaintId: id, voterHash }));
  const t = getFixedT(await getLanguage(request), "triage");
  return json(
    {
      commune: { slug: commune.slug, name: commune.name, kind: commune.kind },
      id,
      summary,
      supporter,
      again: url.searchParams.has("again"),
      confirm: url.searchParams.has("confirm") && !supporter,
      subscribed: url.searchParams.has("subscribed"),
      emailSent: url.searchParams.has("email"),
      phoneConfirmed: url.searchParams.has("phoneConfirmed"),
      codePending,
      sms: phoneNewsAvailable(),
      title: t("similar.meToo"),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const commune = await loadCommune(params);
  if (new URL(request.url).searchParams.has("subscribe")) return subscribe(request, commune, context.clientIp);
  if (new URL(request.url).searchParams.has("code")) return confirmCode(request, commune, context.clientIp);
  const result = await validateForm(request, MeTooSchema(), { maxBytes: 1024 });
  if (!result.ok) return result.response;
  const page = `/c/${commune.slug}/me-too?id=${result.data.complaintId}`;
  // Only a resident's own cookie counts (issue 26): without one, nothing is counted; the cookie is
  // set and the page asks to press once more. A script that drops cookies counts nothing.
  const voterId = await readVoterId(request);
  if (!voterId)
    return redirect(`${page}&confirm=1`, {
      status: 303,
      headers: { "Set-Cookie": await voterCookie.serialize(crypto.randomUUID()) },
    });
  const ipHash = keyedHash("ip", context.clientIp ?? "unknown");
  if (!(await takeToken("meToo", ipHash))) throw new Response(null, { status: 429 });
  const supported = await supportComplaint({
    complaintId: result.data.complaintId,
    communeId: commune.id,
    voterHash: keyedHash("voter", voterId),
    ipHash,
  });
  if (!supported.ok) throw new Response(null, { status: 404 });
  return redirect(`${page}${supported.again ? "&again=1" : ""}`, { status: 303 });
}

/** A supporter's e-mail and/or phone: 400 with the input kept, 403 for anyone who did not support it. */
async function subscribe(request: Request, commune: { id: number; slug: string }, clientIp: string | undefined) {
  const result = await validateForm(request, SubscribeSchema(), { maxBytes: 1024 });
  if (!result.ok) return result.response;
  if (!(await takeToken("tracking", keyedHash("ip", clientIp ?? "unknown")))) throw new Response(null, { status: 429 });
  const voterId = await readVoterId(request);
  const done = voterId
    ? await subscribeAsSupporter({ ...result.data, communeId: commune.id, voterHash: keyedHash("voter", voterId) })
    : ({ ok: false, reason: "notSupporter" } as const);
  if (!done.ok && done.reason === "notSupporter") throw new Response(null, { status: 403 });
  if (!done.ok) return fieldErrors({ email: "notify:supporter.contactRequired" }, result.values);
  const flags = `${done.emailPending ? "&email=1" : ""}`;
  return redirect(`/c/${commune.slug}/me-too?id=${result.data.complaintId}&subscribed=1${flags}`, { status: 303 });
}

/** The SMS code typed on this page (decision 043): 400 next to the field when wrong, tries limited. */
async function confirmCode(request: Request, commune: { slug: string }, clientIp: string | undefined) {
  const result = await validateForm(request, CodeSchema(), { maxBytes: 512 });
  if (!result.ok) return result.response;
  if (!(await takeToken("tracking", keyedHash("ip", clientIp ?? "unknown")))) throw new Response(null, { status: 429 });
  const voterId = await readVoterId(request);
  if (!voterId) throw new Response(null, { status: 403 });
  const done = await confirmSupporterPhone({ ...result.data, voterHash: keyedHash("voter", voterId) });
  if (!done.ok) return fieldErrors({ code: `news:code.${done.reason}` }, result.values);
  return redirect(`/c/${commune.slug}/me-too?id=${result.data.complaintId}&subscribed=1&phoneConfirmed=1`, { status: 303 });
}

export default function MeToo() {
  const { commune, id, summary, again, supporter, subscribed, confirm, emailSent, phoneConfirmed, codePending, sms } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<FormErrors>();
  const { t } = useTranslation("triage");
  const { t: tn } = useTranslation("notify");
  const { t: tw } = useTranslation("news");
  return (
    <div className="page">
      <CommuneBreadcrumb commune={commune} />
      {confirm ? (
        <Form method="post" action={`/c/${commune.slug}/me-too`} className="card notice" data-testid="me-too-confirm">
          <p>{t("public.supportConfirm")}</p>
          <input type="hidden" name="complaintId" value={id} />
          <button type="submit" className="button button--primary button--block">
            {t("similar.meToo")}
          </button>
        </Form>
      ) : (
        <div className="card notice" role="status" data-testid="me-too-done">
          <p>{again ? t("public.supportAgain") : t("public.supportThanks", { count: summary.supporters })}</p>
        </div>
      )}
      <p>
        <StatusTag status={summary.status} />
      </p>
      <blockquote className="complaint-text">{summary.text}</blockquote>
      {subscribed ? (
        <div className="card notice" role="status" data-testid="me-too-subscribed">
          <p>{tn("supporter.saved")}</p>
          {emailSent ? <p>{tw("confirmContact.emailSent")}</p> : null}
          {phoneConfirmed ? <p>{tw("code.done")}</p> : null}
        </div>
      ) : null}
      {codePending ? (
        <Form method="post" action={`/c/${commune.slug}/me-too?id=${id}&code`} className="card" data-testid="me-too-code">
          <input type="hidden" name="complaintId" value={id} />
          <Field
            label={tw("code.label")}
            hint={tw("code.hint")}
            inputProps={{
              name: "code",
              inputMode: "numeric",
              autoComplete: "one-time-code",
              pattern: "[0-9]{6}",
              maxLength: 6,
              defaultValue: actionData?.values?.code ?? "",
            }}
            errors={actionData?.fieldErrors?.code && tw(actionData.fieldErrors.code.replace(/^news:/, ""))}
          />
          <button type="submit" className="button button--primary button--block">
            {tw("code.submit")}
          </button>
        </Form>
      ) : null}
      {subscribed ? null : supporter ? (
        <Form method="post" action={`/c/${commune.slug}/me-too?id=${id}&subscribe`} className="card" data-testid="me-too-news">
          <input type="hidden" name="complaintId" value={id} />
          <FormError message={actionData?.formError && tn("supporter.formError")} />
          <NotifyFields
            values={actionData?.values ?? {}}
            errors={actionData?.fieldErrors ?? {}}
            sms={sms}
            phoneForCallback={false}
          />
          <button type="submit" className="button button--primary button--block">
            {tn("supporter.save")}
          </button>
        </Form>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export function ErrorBoundary() {
  return <ErrorPage />;
}
