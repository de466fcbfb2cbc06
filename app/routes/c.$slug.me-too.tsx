// "I have this problem too": a resident supports an open report of the commune instead of filing
// a duplicate (a plain form post: works without JavaScript), then sees the count.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import crypto from "node:crypto";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/error-page";
import { getCommuneBySlug } from "~/models/commune.server";
import { getSupportedSummary, supportComplaint } from "~/models/triage.server";
import { readVoterId, voterCookie } from "~/utils/cookies.server";
import { validateForm } from "~/utils/form.server";
import { keyedHash } from "~/utils/hash.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { lazy } from "~/utils/lazy";
import { takeToken } from "~/utils/rate-limit.server";
import { assertSameOrigin } from "~/utils/request.server";
import { z } from "~/utils/validation.server";

const MeTooSchema = lazy(() => z.object({ complaintId: z.coerce.number().int().positive() }).strict());

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
  const t = getFixedT(await getLanguage(request), "triage");
  return json(
    {
      commune: { slug: commune.slug, name: commune.name, kind: commune.kind },
      summary,
      again: url.searchParams.has("again"),
      title: t("similar.meToo"),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const commune = await loadCommune(params);
  const result = await validateForm(request, MeTooSchema(), { maxBytes: 1024 });
  if (!result.ok) return result.response;
  const ipHash = keyedHash("ip", context.clientIp ?? "unknown");
  if (!(await takeToken("tracking", ipHash))) throw new Response(null, { status: 429 });
  const existing = await readVoterId(request);
  const voterId = existing ?? crypto.randomUUID();
  const supported = await supportComplaint({
    complaintId: result.data.complaintId,
    communeId: commune.id,
    voterHash: keyedHash("voter", voterId),
    ipHash,
  });
  if (!supported.ok) throw new Response(null, { status: 404 });
  const headers = new Headers();
  if (!existing) headers.append("Set-Cookie", await voterCookie.serialize(voterId));
  const again = supported.again ? "&again=1" : "";
  return redirect(`/c/${commune.slug}/me-too?id=${result.data.complaintId}${again}`, { status: 303, headers });
}

export default function MeToo() {
  const { commune, summary, again } = useLoaderData<typeof loader>();
  const { t } = useTranslation("triage");
  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to={`/c/${commune.slug}`}>
          {t(`common:kind.${commune.kind}`)} {commune.name}
        </Link>
      </p>
      <div className="card notice" role="status" data-testid="me-too-done">
        <p>{again ? t("public.supportAgain") : t("public.supportThanks", { count: summary.supporters })}</p>
      </div>
      <p>
        <span className={`status status--${summary.status}`}>{t(`complaint:status.${summary.status}`)}</span>
      </p>
      <blockquote className="complaint-text">{summary.text}</blockquote>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export function ErrorBoundary() {
  return <ErrorPage />;
}
