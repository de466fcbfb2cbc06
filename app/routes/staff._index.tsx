// The officials' inbox: their communes' complaints (council members and administrators: all,
// read-only), with filters, text search, sort by age and paging. Filters live in the URL and,
// on a phone, fold behind one button; the last filters are remembered in a cookie, so coming
// back to the inbox (menu link, breadcrumb) returns to the same view. Urgent reports first, then
// by deadline (overdue by how late, then least working time left), closed reports last; newest or
// oldest first on request.
import { json, redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { WarrantyLine } from "~/components/warranty-notice";
import { warrantyNoticesFor } from "~/models/work/link.server";
import { lazy } from "~/utils/lazy";
import { z } from "~/forms/validation.server";
import { CATEGORIES, STATUSES } from "~/lib/complaint-workflow";
import { URGENCIES } from "~/lib/deadline-policy";
import { formatDate, formatNumber } from "~/lib/format";
import { can, communesFor } from "~/lib/policy";
import { listInbox } from "~/models/complaint/inbox.server";
import { BulkAcknowledgeBar, InboxKeys, SelectBox } from "~/components/inbox-triage";
import { SupportCount, TimeLeft, UrgencyTag, StatusTag } from "~/components/triage-badges";
import { listTemplates } from "~/models/complaint/reply-templates.server";
import { requireUser } from "~/guards/auth.server";
import { inboxFilterCookie } from "~/utils/cookies.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { useLanguage } from "~/hooks/use-language";

const PAGE_SIZE = 20;

const InboxQuerySchema = /* @__PURE__ */ lazy(() =>
  z.object({
    status: z.enum(STATUSES).optional().catch(undefined),
    category: z.enum(CATEGORIES).optional().catch(undefined),
    overdue: z.literal("1").optional().catch(undefined),
    urgency: z.enum(URGENCIES).optional().catch(undefined),
    photo: z.literal("1").optional().catch(undefined),
    q: z.string().max(100).optional().catch(undefined),
    sort: z.enum(["due", "oldest", "newest"]).catch("due"),
    page: z.coerce.number().int().min(1).max(10_000).catch(1),
  }),
);

/** The filters worth remembering: everything in the URL but the page and the "clear" switch. */
function filterParams(params: URLSearchParams): string {
  const kept = new URLSearchParams([...params].filter(([k, v]) => k !== "page" && k !== "clear" && v !== ""));
  return kept.toString().slice(0, 500);
}

/**
 * The remembered filters. Until "due" became the default, the sort box was always sent, so a
 * remembered `sort` from then (a plain string cookie) was no choice: it is dropped and the
 * official gets the default. Filters remembered since are `{ v: 2, q }` and keep their sort.
 */
async function savedFilters(request: Request): Promise<{ q: string; legacy: boolean }> {
  const saved: unknown = await inboxFilterCookie.parse(request.headers.get("Cookie"));
  if (typeof saved === "string") {
    const params = new URLSearchParams(saved);
    params.delete("sort");
    return { q: params.toString(), legacy: true };
  }
  const q = saved && typeof saved === "object" && "v" in saved && saved.v === 2 && "q" in saved ? saved.q : "";
  return { q: typeof q === "string" ? q : "", legacy: false };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (can(user, "forwarded.handle")) throw redirect("/staff/unit");
  const url = new URL(request.url);
  const saved = await savedFilters(request);
  const remember = async (q: string) => ({ "Set-Cookie": await inboxFilterCookie.serialize({ v: 2, q }) });
  if (url.search === "" && saved.q !== "")
    return redirect(`/staff?${saved.q}`, { headers: saved.legacy ? await remember(saved.q) : {} });
  const filters = url.searchParams.has("clear") ? "" : filterParams(url.searchParams);
  const query = InboxQuerySchema().parse(Object.fromEntries(url.searchParams));
  const inbox = await listInbox({
    communeIds: communesFor(user, "commune.read"),
    status: query.status,
    category: query.category,
    overdue: query.overdue === "1",
    urgency: query.urgency,
    hasPhoto: query.photo === "1",
    q: query.q,
    sort: query.sort,
    page: query.page,
    pageSize: PAGE_SIZE,
  });
  const canReply = can(user, "complaint.reply");
  const templates = canReply ? await listTemplates({ forwarded: false }) : [];
  const warranty = await warrantyNoticesFor({ complaintIds: inbox.items.map((c) => c.id) });
  const t = getFixedT(await getLanguage(request), "staff");
  return json(
    {
      inbox,
      warranty,
      query,
      pages: Math.max(1, Math.ceil(inbox.total / PAGE_SIZE)),
      readOnly: !canReply,
      templates,
      activeFilters: [query.status, query.category, query.urgency, query.overdue, query.photo].filter(Boolean).length,
      title: t("inbox.title"),
    },
    {
      headers: {
        "Cache-Control": "private, no-store",
        ...(filters !== saved.q || saved.legacy ? await remember(filters) : {}),
      },
    },
  );
}

export default function Inbox() {
  const { inbox, query, pages, readOnly, activeFilters, templates, warranty } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const { t } = useTranslation("staff");
  const lng = useLanguage();
  const pageLink = (page: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(page));
    return `?${next}`;
  };
  return (
    <>
      <h1>{t("inbox.heading")}</h1>
      {readOnly ? (
        <p className="note">{t("inbox.readOnly")}</p>
      ) : (
        <p>
          <Link to="/staff/complaints/new" className="button">
            {t("reach:intake.link")}
          </Link>
        </p>
      )}
      <ul className="status-counts">
        {STATUSES.map((s) => (
          <li key={s}>
            <Link to={`?status=${s}`} data-testid={`count-${s}`}>
              {t(`complaint:status.${s}`)}: <strong>{formatNumber(inbox.counts[s] ?? 0, lng)}</strong>
            </Link>
          </li>
        ))}
      </ul>
      <Form method="get" className="filters inbox-filters">
        <label>
          {t("inbox.search")}
          <input type="search" name="q" defaultValue={query.q ?? ""} maxLength={100} />
        </label>
        <label>
          {t("inbox.sort")}
          <select name="sort" defaultValue={query.sort}>
            <option value="due">{t("inbox.due")}</option>
            <option value="oldest">{t("inbox.oldest")}</option>
            <option value="newest">{t("inbox.newest")}</option>
          </select>
        </label>
        <button type="submit" className="button">
          {t("inbox.apply")}
        </button>
        <details className="filters-fold" data-testid="inbox-filters">
          <summary className="button">
            {activeFilters ? t("handling:filtersActive", { count: activeFilters }) : t("handling:filters")}
          </summary>
          <div className="filters">
            <label>
              {t("inbox.status")}
              <select name="status" defaultValue={query.status ?? ""}>
                <option value="">{t("inbox.any")}</option>
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`complaint:status.${s}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t("inbox.category")}
              <select name="category" defaultValue={query.category ?? ""}>
                <option value="">{t("inbox.any")}</option>
                {CATEGORIES.map((c) => (
                  <option key={c} value={c}>
                    {t(`complaint:category.${c}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t("inbox.urgency")}
              <select name="urgency" defaultValue={query.urgency ?? ""}>
                <option value="">{t("inbox.any")}</option>
                {URGENCIES.map((u) => (
                  <option key={u} value={u}>
                    {t(`triage:urgency.${u}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="check">
              <input type="checkbox" name="overdue" value="1" defaultChecked={query.overdue === "1"} /> {t("inbox.overdueOnly")}
            </label>
            <label className="check">
              <input type="checkbox" name="photo" value="1" defaultChecked={query.photo === "1"} /> {t("inbox.photoOnly")}
            </label>
            <Link to="/staff?clear=1" className="button">
              {t("handling:clearFilters")}
            </Link>
          </div>
        </details>
      </Form>
      <p className="muted">{t("inbox.total", { count: inbox.total })}</p>
      {readOnly ? null : <BulkAcknowledgeBar templates={templates} />}
      <InboxKeys />
      <ul className="inbox">
        {inbox.items.map((c) => (
          <li key={c.id} className={c.overdue ? "is-overdue" : undefined}>
            {readOnly ? null : <SelectBox id={c.id} code={c.code} disabled={c.status !== "new" && c.status !== "reopened"} />}
            <Link to={`/staff/complaints/${c.id}`}>
              <span className="inbox__meta">
                <StatusTag status={c.status} />
                <UrgencyTag urgency={c.urgency} /> <TimeLeft timeLeft={c.timeLeft} /> <SupportCount count={c._count.supporters} />{" "}
                · {t(`complaint:category.${c.category}`)} · {c.commune.name} · {formatDate(c.createdAt, lng)}
                {c._count.photos ? ` · ${t("pwa:photoCount", { count: c._count.photos })}` : null}
                {warranty[c.id] ? <WarrantyLine notice={warranty[c.id]} /> : null}
              </span>
              <span className="inbox__text">{c.text.length > 160 ? `${c.text.slice(0, 160)}…` : c.text}</span>
            </Link>
          </li>
        ))}
      </ul>
      {pages > 1 ? (
        <nav className="pager" aria-label={t("inbox.pages")}>
          {query.page > 1 ? <Link to={pageLink(query.page - 1)}>{t("inbox.previous")}</Link> : <span />}
          <span>{t("inbox.page", { page: query.page, pages })}</span>
          {query.page < pages ? <Link to={pageLink(query.page + 1)}>{t("inbox.next")}</Link> : <span />}
        </nav>
      ) : null}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];
