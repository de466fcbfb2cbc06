// After a household ballot: thanks, the way to the commune's page and to a report (first when
// the comment described a problem). Nothing about the answer
// is shown again (it is not linked to the code, not even in this browser).
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ReportPrompt } from "~/components/report-prompt";
import { getCommuneBySlug } from "~/models/commune.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const commune = await getCommuneBySlug({ slug: url.searchParams.get("c") ?? "" });
  const t = getFixedT(await getLanguage(request), "survey");
  return json({
    commune: commune ? { slug: commune.slug, name: commune.name } : null,
    // set by the ballot's action when the comment describes a problem (the same rule as /c/<slug>/thanks)
    problem: url.searchParams.get("problem") === "1",
    title: t("thanks.title"),
  });
}

export default function BallotThanks() {
  const { commune, problem } = useLoaderData<typeof loader>();
  const { t } = useTranslation("survey");
  return (
    <div className="page">
      <div className="card thanks" data-testid="ballot-thanks">
        <h1>{t("thanks.heading")}</h1>
        {commune ? (
          <Link to={`/c/${commune.slug}`} className="button button--primary button--block">
            {t("thanks.communePage", { name: commune.name })}
          </Link>
        ) : null}
      </div>
      {commune ? <ReportPrompt slug={commune.slug} problem={problem} /> : null}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];
