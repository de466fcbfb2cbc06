// Reply templates: the administrator's texts, one filled in for a report, and bulk acknowledge.
import type { Category } from "~/lib/complaint-workflow";
import { formatDate } from "~/lib/format";
import { renderTemplate, type TemplateValues } from "~/lib/reply-template";
import { prisma } from "~/utils/db.server";
import type { Language } from "~/utils/i18n";
import { getFixedT } from "~/utils/i18n.server";
import { applyStatusChange, readStatus, WorkflowError } from "./workflow.server";

export function listTemplates({ category }: { category?: Category } = {}) {
  return prisma.replyTemplate.findMany({
    where: category ? { OR: [{ category }, { category: null }] } : {},
    select: { id: true, category: true, title: true, body: true },
    orderBy: [{ category: "asc" }, { title: "asc" }],
  });
}

export async function createTemplate(input: { category: Category | null; title: string; body: string }) {
  const { id } = await prisma.replyTemplate.create({ data: input, select: { id: true } });
  return { ok: true as const, id };
}

export async function deleteTemplate({ id }: { id: number }) {
  await prisma.replyTemplate.deleteMany({ where: { id } });
}

/** A template's text for one report (placeholders filled in the caller's language). */
export async function renderTemplateFor({
  templateId,
  complaintId,
  format,
}: {
  templateId: number;
  complaintId: number;
  format: (c: { code: string; commune: string; category: Category; createdAt: Date; handleBy: Date | null }) => TemplateValues;
}): Promise<string | null> {
  const [template, c] = await Promise.all([
    prisma.replyTemplate.findUnique({ where: { id: templateId }, select: { body: true, category: true } }),
    prisma.complaint.findUnique({
      where: { id: complaintId },
      select: { code: true, category: true, createdAt: true, handleBy: true, commune: { select: { name: true } } },
    }),
  ]);
  if (!template || !c || (template.category && template.category !== c.category)) return null;
  return renderTemplate(
    template.body,
    format({
      code: c.code,
      commune: c.commune.name,
      category: c.category,
      createdAt: c.createdAt,
      handleBy: c.handleBy,
    }),
  );
}

// ---- bulk acknowledge ----

/**
 * Acknowledges each selected report the official may write to (its commune) that is still new or
 * reopened, with the template as public reply. One transaction per report: a report someone else
 * moved meanwhile is skipped, the rest still go through.
 */
export async function bulkAcknowledge({
  ids,
  actorId,
  communeIds,
  templateId,
  format,
}: {
  ids: number[];
  actorId: number;
  communeIds: number[];
  templateId: number | null;
  format: Parameters<typeof renderTemplateFor>[0]["format"];
}) {
  let done = 0;
  let skipped = 0;
  for (const id of [...new Set(ids)]) {
    const reply = templateId ? await renderTemplateFor({ templateId, complaintId: id, format }) : null;
    try {
      await prisma.$transaction(async (tx) => {
        const current = await readStatus(tx, id);
        if (!communeIds.includes(current.communeId)) throw new WorkflowError("forbiddenTransition");
        if (current.status !== "new" && current.status !== "reopened") throw new WorkflowError("forbiddenTransition");
        await applyStatusChange(tx, {
          id,
          actorId,
          from: current.status,
          to: "acknowledged",
          reply,
          deadlines: current,
          now: new Date(),
        });
      });
      done++;
    } catch (e) {
      if (!(e instanceof WorkflowError)) throw e;
      skipped++;
    }
  }
  return { done, skipped };
}

/** Placeholder values in the reader's language. */
export function templateFormatter(lng: Language) {
  const t = getFixedT(lng, "complaint");
  return (c: { code: string; commune: string; category: Category; createdAt: Date; handleBy: Date | null }): TemplateValues => ({
    code: c.code,
    commune: c.commune,
    category: t(`category.${c.category}`),
    date: formatDate(c.createdAt, lng),
    deadline: c.handleBy ? formatDate(c.handleBy, lng) : "",
  });
}
