// The audit trail (decision 036), for administrators and council members: every audited change
// (rounds and their approval, code batches, paper ballots, re-checks, the register, settings,
// users, API keys) with who, when, and the figures or the values before and after. Filtered by
// kind, actor and dates (a GET form: works without JavaScript); ?format=csv downloads the same list.
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/error-page";
import { InlineField } from "~/components/forms";
import { detailText } from "~/components/round-audit-log";
import { formatDateTime } from "~/lib/format";
import { vnStartOfDay } from "~/lib/vn-time";
import { AUDIT_ACTIONS, listAudit, listAuditActors, type AuditAction } from "~/models/audit.server";
import { requirePermission } from "~/guards/auth.server";
import { validateObject } from "~/forms/form.server";
import { z } from "~/forms/validation.server";
import { toCsv } from "~/utils/csv.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { lazy } from "~/utils/lazy";
import { useLanguage } from "~/hooks/use-language";
import { ScrollTable } from "~/components/scroll-table";

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" || v === undefined ? undefined : v), schema.optional());

const AuditFilterSchema = /* @__PURE__ */ lazy(() =>
  z
    .object({
      kind: optional(z.enum(AUDIT_ACTIONS as [AuditAction, ...AuditAction[]], { error: "errors.invalid" })),
      actor: optional(z.coerce.number({ error: "errors.invalid" }).int("errors.invalid").positive("errors.invalid")),
      from: optional(z.iso.date({ error: "errors.date" })),
      to: optional(z.iso.date({ error: "errors.date" })),
      format: optional(z.literal("csv", { error: "errors.invalid" })),
    })
    .strict(),
);

const DAY = 86_400_000;

type AuditPageData = {
  events: (Omit<Awaited<ReturnType<typeof listAudit>>[number], "detail"> & { detail: Record<string, unknown> })[];
  actors: Awaited<ReturnType<typeof listAuditActors>>;
  kinds: readonly AuditAction[];
  filter: Record<string, string>;
  errors: Record<string, string>;
  title: string;
};

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "audit.trail");
  const lng = await getLanguage(request);
  const t = getFixedT(lng, "ballot");
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const actors = await listAuditActors();
  const parsed = validateObject(AuditFilterSchema(), query);
  if (!parsed.ok) {
    const body = (await parsed.response.json()) as { fieldErrors?: Record<string, string> };
    return json<AuditPageData>(
      { events: [], actors, kinds: AUDIT_ACTIONS, filter: query, errors: body.fieldErrors ?? {}, title: t("auditPage.title") },
      { status: 400, headers: { "Cache-Control": "private, no-store" } },
    );
  }
  const f = parsed.data;
  const events = await listAudit(
    {
      action: f.kind ?? null,
      actorId: f.actor ?? null,
      from: f.from ? vnStartOfDay(f.from) : null,
      // "to" is a whole day: up to the start of the next one
      to: f.to ? new Date(vnStartOfDay(f.to).getTime() + DAY) : null,
    },
    { take: f.format === "csv" ? 50_000 : 200 },
  );
  if (f.format === "csv") {
    const header = ["id", t("auditPage.when"), t("auditPage.kind"), t("auditPage.actor"), "role", "round", "commune", "detail"];
    const rows = events.map((e) => [
      e.id,
      e.createdAt.toISOString(),
      e.action,
      e.actor?.name ?? "",
      e.actor?.role ?? "",
      e.roundId ?? "",
      e.communeId ?? "",
      e.detail ?? "",
    ]);
    return new Response(toCsv([header, ...rows]), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": 'attachment; filename="audit.csv"',
        "Cache-Control": "private, no-store",
      },
    });
  }
  return json<AuditPageData>(
    {
      events: events.map((e) => ({ ...e, detail: e.detail ? (JSON.parse(e.detail) as Record<string, unknown>) : {} })),
      actors,
      kinds: AUDIT_ACTIONS,
      filter: query,
      errors: {},
      title: t("auditPage.title"),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export default function AuditPage() {
  const { events, actors, kinds, filter, errors } = useLoaderData<AuditPageData>();
  const { t } = useTranslation("ballot");
  const lng = useLanguage();
  const csv = new URLSearchParams({ ...filter, format: "csv" }).toString();
  return (
    <>
      <h1>{t("auditPage.heading")}</h1>
      <p className="muted">{t("auditPage.intro")}</p>
      <Form method="get" className="inline-form">
        <label>
          {t("auditPage.kind")}
          <select name="kind" defaultValue={filter.kind ?? ""} aria-invalid={errors.kind ? true : undefined}>
            <option value="">{t("auditPage.all")}</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t(`audit.actions.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("auditPage.actor")}
          <select name="actor" defaultValue={filter.actor ?? ""} aria-invalid={errors.actor ? true : undefined}>
            <option value="">{t("auditPage.all")}</option>
            {actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        {(["from", "to"] as const).map((name) => (
          <InlineField
            key={name}
            label={t(`auditPage.${name}`)}
            inputProps={{ type: "date", name, defaultValue: filter[name] ?? "" }}
            errors={errors[name] && t(errors[name], { ns: "council" })}
          />
        ))}
        <button type="submit" className="button">
          {t("auditPage.filter")}
        </button>
      </Form>
      <p>
        <a href={`/staff/audit?${csv}`} className="button" download>
          {t("auditPage.csv")}
        </a>
      </p>
      {events.length === 0 ? (
        <p className="muted">{t("auditPage.none")}</p>
      ) : (
        <ScrollTable label={t("auditPage.heading")}>
          <table className="data-table" data-testid="audit-events">
            <thead>
              <tr>
                <th>{t("auditPage.when")}</th>
                <th>{t("auditPage.actor")}</th>
                <th>{t("auditPage.kind")}</th>
                <th>{t("auditPage.detail")}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id}>
                  <td>{formatDateTime(e.createdAt, lng)}</td>
                  <td>{e.actor ? `${e.actor.name} (${t(`staff:role.${e.actor.role}`)})` : t("audit.system")}</td>
                  <td>{t(`audit.actions.${e.action}`)}</td>
                  <td className="detail">
                    {e.roundId ? `#${e.roundId} ` : ""}
                    {detailText(e.detail)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export function ErrorBoundary() {
  return <ErrorPage />;
}
