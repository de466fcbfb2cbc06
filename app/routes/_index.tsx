// Home: find your commune. A GET form, so the search works without JavaScript; with it, the
// list filters as you type (the same loader, debounced). "Report a problem" is one tap away: it
// shows the same list with each commune leading straight to its report form (?to=report).
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { matchesQuery } from "~/lib/text";
import { listCommunes } from "~/models/commune.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import type { CommuneKind } from "~/generated/prisma/enums";
import type { PageHandle } from "~/utils/scripts-after-load";

const MAX_QUERY = 100;

// Links and a GET form: the page is whole without JavaScript, so its scripts wait for the load
// event (utils/scripts-after-load.ts) and the phone shows it loaded on its HTML alone.
export const handle: PageHandle = { scripts: "after-load" };

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").slice(0, MAX_QUERY);
  const toReport = url.searchParams.get("to") === "report";
  const t = getFixedT(await getLanguage(request), "home");
  const communes = (await listCommunes()).filter((c) => matchesQuery(c.searchKey, q));
  // Group by former district, in the order of the source list.
  const groups = new Map<string, { slug: string; name: string; kind: CommuneKind }[]>();
  for (const c of communes) {
    const list = groups.get(c.formerUnit) ?? [];
    list.push({ slug: c.slug, name: c.name, kind: c.kind });
    groups.set(c.formerUnit, list);
  }
  return json({
    q,
    toReport,
    total: communes.length,
    groups: [...groups].map(([formerUnit, items]) => ({ formerUnit, items })),
    title: t("title"),
  });
}

export default function Home() {
  const { q, toReport, total, groups } = useLoaderData<typeof loader>();
  const { t } = useTranslation("home");
  const submit = useSubmit();
  const navigation = useNavigation();
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);
  const searching = navigation.state === "loading" && navigation.location.pathname === "/";

  return (
    <div className="page">
      {toReport ? (
        <>
          <h1>{t("shortcuts:pickForReport")}</h1>
          <p>
            <Link to="/">{t("shortcuts:cancelPick")}</Link>
          </p>
        </>
      ) : (
        <>
          <h1>{t("heading")}</h1>
          <p className="lead">{t("intro")}</p>
          <nav className="quick-actions" aria-label={t("shortcuts:report")}>
            <Link to="/?to=report#q" className="quick-action quick-action--report" data-testid="home-report">
              <strong>{t("shortcuts:report")}</strong>
              <span>{t("shortcuts:reportHint")}</span>
            </Link>
            <Link to="/t" className="quick-action" data-testid="home-follow">
              <strong>{t("shortcuts:follow")}</strong>
              <span>{t("shortcuts:followHint")}</span>
            </Link>
          </nav>
        </>
      )}
      <Form
        method="get"
        role="search"
        className="search"
        onChange={(e) => {
          const form = e.currentTarget;
          clearTimeout(timer.current);
          timer.current = setTimeout(() => submit(form, { replace: true, preventScrollReset: true }), 200);
        }}
      >
        {toReport ? <input type="hidden" name="to" value="report" /> : null}
        <label htmlFor="q">{t("search.label")}</label>
        <div className="search__row">
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={q}
            maxLength={MAX_QUERY}
            placeholder={t("search.placeholder")}
            autoComplete="off"
            enterKeyHint="search"
          />
          <button type="submit">{t("search.submit")}</button>
        </div>
        <p className="search__status" aria-live="polite">
          {searching ? t("search.searching") : q ? t("search.results", { count: total }) : t("search.all", { count: total })}
        </p>
      </Form>
      {total === 0 ? <p className="empty">{t("search.none", { q })}</p> : null}
      <div className="commune-groups">
        {groups.map((group) => (
          <section key={group.formerUnit} className="commune-group">
            <h2>{group.formerUnit}</h2>
            <ul>
              {group.items.map((c) => (
                <li key={c.slug}>
                  <Link to={toReport ? `/c/${c.slug}/report` : `/c/${c.slug}`} prefetch="none">
                    <span className="commune-kind">{t(`common:kind.${c.kind}`)}</span> {c.name}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];
