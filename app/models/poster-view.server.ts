// The printed text of notice-board posters, made on the server: always in Vietnamese (they hang
// on Vietnamese notice boards, whatever language the staff member reads), with the QR code of the
// commune's page drawn by the qrcode package as SVG.
import { formatDate } from "~/lib/format";
import { getFixedT } from "~/utils/i18n.server";
import type { PosterCommune } from "./poster.server";
import { loadQrCode } from "~/utils/qr.server";

export type PosterView = {
  slug: string;
  name: string;
  kindLabel: string;
  url: string;
  shortUrl: string;
  qrSvg: string;
  lines: {
    heading: string;
    lead: string;
    scan: string;
    orType: string;
    round: string;
    how: string;
    steps: string[];
    report: string;
    offline: string;
    phone: string | null;
    footer: string;
    qrAlt: string;
  };
  /** the commune's current notices, with their last day (decision 039) */
  notices: { heading: string; lines: { id: number; text: string; until: string }[] };
};

/** `origin`: where residents reach the site, e.g. https://ntm.haiphong.gov.vn */
export async function posterViews(communes: PosterCommune[], origin: string): Promise<PosterView[]> {
  const t = getFixedT("vi", "pwa");
  const common = getFixedT("vi", "common");
  const host = new URL(origin).host;
  const QRCode = await loadQrCode();
  return Promise.all(
    communes.map(async (c) => {
      const url = `${origin}/c/${c.slug}`;
      const kindLabel = common(`kind.${c.kind}`);
      const lowerKind = kindLabel.toLocaleLowerCase("vi");
      const qrSvg = await QRCode.toString(url, {
        type: "svg",
        errorCorrectionLevel: "M",
        margin: 2,
        color: { dark: "#000000", light: "#ffffff" },
      });
      return {
        slug: c.slug,
        name: c.name,
        kindLabel,
        url,
        shortUrl: `${host}/c/${c.slug}`,
        qrSvg,
        lines: {
          heading: t("posters.heading"),
          lead: t("posters.lead", { kind: lowerKind, name: c.name }),
          scan: t("posters.scan"),
          orType: t("posters.orType"),
          round: c.round
            ? t("posters.round", { name: c.round.name, date: formatDate(c.round.endsAt, "vi") })
            : t("posters.noRound"),
          how: t("posters.how"),
          steps: [t("posters.step1"), t("posters.step2")],
          report: t("posters.report"),
          offline: t("posters.offline"),
          phone: c.phone ? t("posters.phone", { kind: lowerKind, phone: c.phone }) : null,
          footer: t("posters.footer"),
          qrAlt: t("posters.qrAlt", { url: `${host}/c/${c.slug}` }),
        },
        notices: {
          heading: common("notice.heading"),
          lines: c.notices.map((n) => ({
            id: n.id,
            text: n.text,
            until: common("notice.until", { date: formatDate(new Date(n.endsAt.getTime() - 1), "vi") }),
          })),
        },
      };
    }),
  );
}
