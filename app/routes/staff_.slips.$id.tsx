// Printable household-code slips of one village's batch (Front and administrators): A4 sheets of
// 8 slips, each with a QR code of <site>/b/<code> (SVG made here with `qrcode`), the code in large
// type, commune, round, closing date, serial and a two-line instruction; after each sheet, a page
// of paper ballots in the same places (print double-sided, flip on the long edge). Available
// until the batch is sealed; then nobody can see its codes again (docs/decisions/012).
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/error-page";
import { PrintButton } from "~/components/print-button";
import { RatingFace } from "~/components/rating-face";
import { formatDate } from "~/lib/format";
import { getBatch, printBatch } from "~/models/ballot.server";
import { listActiveCriteria } from "~/models/criterion.server";
import { requireCommunePermission, requireUser } from "~/guards/auth.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { localized } from "~/utils/i18n";
import { useLanguage } from "~/hooks/use-language";
import { requireRecord } from "~/utils/route-params.server";
import { loadQrCode } from "~/utils/qr.server";

const PER_SHEET = 8;
const SCALE = [1, 2, 3, 4, 5] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const batch = await requireRecord(params.id, (id) => getBatch({ id }));
  requireCommunePermission(user, "round.run", batch.communeId);
  const t = getFixedT(await getLanguage(request), "ballot");
  const header = {
    village: batch.village,
    commune: { name: batch.commune.name, kind: batch.commune.kind },
    // Printed on the slip for a household without a QR reader: the page where a code is typed,
    // without the scheme ("ntm.haiphong.gov.vn/c/vinh-bao/code").
    address: `${new URL(request.url).host}/c/${batch.commune.slug}/code`,
    round: { id: batch.round.id, name: batch.round.name, endsAt: batch.round.endsAt.toISOString() },
    title: t("slip.title", { village: batch.village, commune: batch.commune.name }),
  };
  const printed = await printBatch({ id: batch.id, actorId: user.id });
  const headers = { "Cache-Control": "private, no-store", "Referrer-Policy": "same-origin" };
  if (!printed) return json({ ...header, sealed: true, slips: [], criteria: [] }, { status: 410, headers });
  const site = new URL(request.url).origin;
  const QRCode = await loadQrCode();
  const slips = await Promise.all(
    printed.slips.map(async (s) => ({
      display: s.display,
      serial: s.serial,
      qr: await QRCode.toString(`${site}/b/${s.display}`, { type: "svg", errorCorrectionLevel: "M", margin: 1 }),
    })),
  );
  const criteria = (await listActiveCriteria()).map((c) => ({ key: c.key, nameVi: c.nameVi, nameEn: c.nameEn }));
  return json({ ...header, sealed: false, slips, criteria }, { headers });
}

export default function Slips() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation("ballot");
  const lng = useLanguage();
  const sheets = Array.from({ length: Math.ceil(d.slips.length / PER_SHEET) }, (_, i) =>
    d.slips.slice(i * PER_SHEET, (i + 1) * PER_SHEET),
  );
  const closes = formatDate(d.round.endsAt, lng);
  return (
    <div className="slips">
      <div className="no-print slips__bar">
        <Link to={`/staff/rounds/${d.round.id}`}>← {d.round.name}</Link>
        <h1>{d.title}</h1>
        {d.sealed ? (
          <p className="note">{t("slip.sealed")}</p>
        ) : (
          <>
            <p className="note" data-testid="duplex-hint">
              {t("slip.duplexHint")}
            </p>
            <PrintButton label={t("slip.print")} />
          </>
        )}
      </div>
      {sheets.map((sheet, i) => (
        <div key={i}>
          <section className="sheet" data-testid="slip-sheet">
            {sheet.map((s) => (
              <article key={s.serial} className="slip" data-testid="slip">
                {/* The SVG is made on the server by the qrcode package from our own URL: no user text. */}
                <div className="slip__qr" dangerouslySetInnerHTML={{ __html: s.qr }} />
                <div className="slip__text">
                  <p className="slip__code">{s.display}</p>
                  <p className="slip__commune">
                    {t(`common:kind.${d.commune.kind}`)} {d.commune.name} · {d.village}
                  </p>
                  <p>{d.round.name}</p>
                  <p>{t("slip.closes", { date: closes })}</p>
                  <p className="slip__serial">{t("slip.serial", { serial: s.serial })}</p>
                  <p className="slip__instruction">
                    {t("slip.instruction1")} <strong className="slip__address">{d.address}</strong> {t("slip.instructionAfter")}
                    <br />
                    {t("slip.instruction2")}
                  </p>
                </div>
              </article>
            ))}
          </section>
          <section className="sheet sheet--back">
            {sheet.map((s) => (
              <article key={s.serial} className="slip slip--ballot">
                <p className="slip__commune">{t("slip.paperHeading", { commune: d.commune.name })}</p>
                <p className="slip__small">{t("slip.paperIntro")}</p>
                <table>
                  <thead>
                    <tr>
                      <th />
                      {SCALE.map((n) => (
                        <th key={n} scope="col" className="slip__scale">
                          <RatingFace value={n} />
                          <span>
                            {n}. {t(`survey:scale.${n}`)}
                          </span>
                        </th>
                      ))}
                      <th scope="col" className="slip__scale">
                        <span>{t("survey:scale.na")}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.criteria.map((c) => (
                      <tr key={c.key}>
                        <th scope="row">{localized(c, "name", lng)}</th>
                        {Array.from({ length: 6 }, (_, k) => (
                          <td key={k}>☐</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
                <p className="slip__small">
                  {t("slip.paperCode")} ____-____-____-__ · {t("slip.serial", { serial: s.serial })}
                </p>
              </article>
            ))}
          </section>
        </div>
      ))}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? "" },
  { name: "referrer", content: "same-origin" },
];

export function ErrorBoundary() {
  return <ErrorPage />;
}
