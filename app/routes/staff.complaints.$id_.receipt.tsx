// The receipt for a report entered on a resident's behalf: the tracking code in large type, a QR
// code of the tracking page, what was received and when, printed (A4, in Vietnamese) and handed
// or posted to the resident. Staff who may read the report's commune can print it again.
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/error-page";
import { PrintButton } from "~/components/print-button";
import { formatDate } from "~/lib/format";
import { getIntakeReceipt } from "~/models/complaint/intake.server";
import { requireRecordPermission, requireUser } from "~/guards/auth.server";
import { getFixedT } from "~/utils/i18n.server";
import { loadQrCode } from "~/utils/qr.server";
import { requireRecord } from "~/utils/route-params.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const r = await requireRecord(params.id, (id) => getIntakeReceipt({ id }));
  requireRecordPermission(user, "commune.read", r.communeId);
  const t = getFixedT("vi", "reach");
  const common = getFixedT("vi", "common");
  const complaint = getFixedT("vi", "complaint");
  const origin = new URL(request.url).origin;
  const trackUrl = `${origin}/t/${encodeURIComponent(r.code)}`;
  const QRCode = await loadQrCode();
  const kind = common(`kind.${r.commune.kind}`);
  return json(
    {
      id: r.id,
      code: r.code,
      qrSvg: await QRCode.toString(trackUrl, { type: "svg", errorCorrectionLevel: "M", margin: 2 }),
      lines: {
        heading: t("receipt.heading"),
        from: t("receipt.from", { kind, name: r.commune.name }),
        received: t("receipt.received", {
          channel: t(`channel.${r.intake?.channel ?? "web"}`),
          date: formatDate(r.intake?.receivedAt ?? r.createdAt, "vi"),
        }),
        category: t("receipt.category", { category: complaint(`category.${r.category}`) }),
        text: r.text,
        codeLabel: t("receipt.code"),
        follow: t("receipt.follow", { url: `${new URL(origin).host}/t` }),
        deadline: r.handleBy ? t("receipt.deadline", { date: formatDate(r.handleBy, "vi") }) : null,
        phone: r.commune.phone ? t("receipt.phone", { phone: r.commune.phone }) : null,
        qrAlt: t("notice.qrAlt", { url: trackUrl }),
      },
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export default function IntakeReceipt() {
  const { id, code, qrSvg, lines } = useLoaderData<typeof loader>();
  const { t } = useTranslation("reach");
  return (
    <div className="posters">
      <div className="posters-intro no-print">
        <p className="breadcrumb">
          <Link to={`/staff/complaints/${id}`}>{t("receipt.back")}</Link>
        </p>
        <PrintButton label={t("receipt.print")} />
      </div>
      <article className="poster intake-receipt" lang="vi">
        <p className="poster__heading">{lines.heading}</p>
        <p>{lines.from}</p>
        <p>{lines.received}</p>
        <p>{lines.category}</p>
        <blockquote className="intake-receipt__text">{lines.text}</blockquote>
        <p>{lines.codeLabel}</p>
        <p className="poster__url" data-testid="receipt-code">
          {code}
        </p>
        <div className="poster__qr">
          {/* The SVG comes from the qrcode package, made from our own URL: no user text in it. */}
          <div role="img" aria-label={lines.qrAlt} className="poster__qr-code" dangerouslySetInnerHTML={{ __html: qrSvg }} />
          <p>{lines.follow}</p>
        </div>
        {lines.deadline ? <p>{lines.deadline}</p> : null}
        {lines.phone ? <p>{lines.phone}</p> : null}
      </article>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.lines.heading ?? "" }];

export function ErrorBoundary() {
  return <ErrorPage />;
}
