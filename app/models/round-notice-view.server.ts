// The printed results notice (community hall, A4) and the loudspeaker scripts (results and
// opening), made on the server in Vietnamese whatever the staff member reads: they hang on and are
// read out in Vietnamese communes. The script goes through lib/loudspeaker (numbers in words).
import { formatDate } from "~/lib/format";
import { spokenSpan, toSpeech } from "~/lib/loudspeaker";
import { readNumberVi } from "~/lib/vi-number";
import { getFixedT } from "~/utils/i18n.server";
import { loadQrCode } from "~/utils/qr.server";
import type { CommuneResults, ResultsRound, RoundCommunes } from "./round-results.server";

/** The last day of a round (its end is exclusive). */
const lastDay = (endsAt: Date) => new Date(endsAt.getTime() - 1);

function verdictKey(c: CommuneResults): string {
  return c.coverageMet === false ? "coverage" : c.verdict;
}

function nextKey(round: ResultsRound, c: CommuneResults): string {
  if (round.purpose === "routine") return "routine";
  return c.verdict === "meets" && c.coverageMet !== false ? "recognise" : "improve";
}

export type NoticeView = {
  slug: string;
  heading: string;
  title: string;
  lead: string;
  criteria: { key: string; line: string }[];
  coverage: string;
  villages: { village: string; households: number; used: number }[];
  villageHead: { title: string; village: string; households: string; used: string };
  verdict: string;
  next: string;
  scan: string;
  shortUrl: string;
  qrSvg: string;
  qrAlt: string;
  issued: string;
};

/** One notice per commune; `issuer`: the staff member's name, `origin`: where residents reach the site. */
export async function noticeViews(
  round: ResultsRound,
  communes: CommuneResults[],
  { origin, issuer, now }: { origin: string; issuer: string; now: Date },
): Promise<NoticeView[]> {
  const t = getFixedT("vi", "reach");
  const common = getFixedT("vi", "common");
  const host = new URL(origin).host;
  const QRCode = await loadQrCode();
  return Promise.all(
    communes.map(async (c) => {
      const kind = common(`kind.${c.kind}`);
      const url = `${origin}/c/${c.slug}`;
      return {
        slug: c.slug,
        heading: t("notice.heading"),
        title: `${kind} ${c.name}`,
        lead: t("notice.lead", {
          round: round.name,
          from: formatDate(round.startsAt, "vi"),
          to: formatDate(lastDay(round.endsAt), "vi"),
        }),
        criteria: c.criteria.map((k) => ({
          key: k.key,
          line: k.hidden
            ? t("notice.criterionHidden", { name: k.name, n: k.answered })
            : t("notice.criterion", { name: k.name, k: k.satisfied, n: k.answered }),
        })),
        coverage: t("notice.coverage", { answered: c.answered, households: c.households }),
        villages: c.villages,
        villageHead: {
          title: t("notice.villages"),
          village: t("notice.village"),
          households: t("notice.households"),
          used: t("notice.used"),
        },
        verdict: t(`verdict.${verdictKey(c)}`),
        next: t(`next.${nextKey(round, c)}`),
        scan: t("notice.scan", { kind: kind.toLocaleLowerCase("vi") }),
        shortUrl: `${host}/c/${c.slug}`,
        qrSvg: await QRCode.toString(url, {
          type: "svg",
          errorCorrectionLevel: "M",
          margin: 2,
          color: { dark: "#000000", light: "#ffffff" },
        }),
        qrAlt: t("notice.qrAlt", { url: `${host}/c/${c.slug}` }),
        issued: t("notice.issued", { kind, name: c.name, date: formatDate(now, "vi"), issuer }),
      };
    }),
  );
}

/** The loudspeaker script of a round's final results in one commune (about a minute read aloud). */
export function resultsScript(round: ResultsRound, c: CommuneResults): string {
  const t = getFixedT("vi", "reach");
  const kind = getFixedT("vi", "common")(`kind.${c.kind}`).toLocaleLowerCase("vi");
  const lines = [
    t("script.from", { kind, name: c.name }),
    t("script.results", { round: round.name, ...spokenSpan(round.startsAt, lastDay(round.endsAt)) }),
    t("script.coverage", { answered: readNumberVi(c.answered), households: readNumberVi(c.households) }),
    ...c.criteria
      .filter((k) => !k.isOverall || !k.hidden)
      .map((k) =>
        k.hidden
          ? t("script.criterionHidden", { name: k.name })
          : t("script.criterion", { name: k.name, k: readNumberVi(k.satisfied), n: readNumberVi(k.answered) }),
      ),
    t(`verdict.${verdictKey(c)}`),
    t(`next.${nextKey(round, c)}`),
    t("script.where", { kind }),
    t("script.end"),
  ];
  return toSpeech(lines.join("\n"));
}

/** The loudspeaker script of a round that opens, for one commune. */
export function openingScript(
  round: Pick<ResultsRound, "name" | "startsAt" | "endsAt" | "codesRequired">,
  commune: { name: string; kind: string },
): string {
  const t = getFixedT("vi", "reach");
  const kind = getFixedT("vi", "common")(`kind.${commune.kind}`).toLocaleLowerCase("vi");
  const lines = [
    t("script.from", { kind, name: commune.name }),
    t("script.opening", { kind, round: round.name, ...spokenSpan(round.startsAt, lastDay(round.endsAt)) }),
    t(round.codesRequired ? "script.slipCode" : "script.slip"),
    t(round.codesRequired ? "script.howCode" : "script.how", { kind }),
    t("script.private"),
    t("script.end"),
  ];
  return toSpeech(lines.join("\n"));
}

/** Scripts for several communes, one after the other (read one commune at a time). */
export function joinScripts(scripts: string[]): string {
  return scripts.join("\n\n\n") + "\n";
}

export type OpeningCommune = RoundCommunes["communes"][number]["commune"];
