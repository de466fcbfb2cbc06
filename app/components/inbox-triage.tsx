// Inbox triage: select reports and acknowledge them at once with a reply template (a plain form:
// the checkboxes belong to it through their form attribute, so it works without JavaScript), and
// keyboard handling (j/k move, x select, Enter open, / search).
import { Form, useSearchParams } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";

const FORM_ID = "bulk-acknowledge";

export function SelectBox({ id, code, disabled }: { id: number; code: string; disabled: boolean }) {
  const { t } = useTranslation("triage");
  return (
    <input
      type="checkbox"
      className="inbox__select"
      name="ids"
      value={id}
      form={FORM_ID}
      disabled={disabled}
      aria-label={t("bulk.selectLabel", { code })}
    />
  );
}

export function BulkAcknowledgeBar({ templates }: { templates: { id: number; title: string; category: string | null }[] }) {
  const { t } = useTranslation("triage");
  const [params] = useSearchParams();
  const done = params.get("acknowledged");
  const skipped = Number(params.get("skipped") ?? 0);
  return (
    <Form method="post" action="/staff/acknowledge" id={FORM_ID} className="bulk-bar">
      {done !== null ? (
        <p className="notice" role="status" data-testid="bulk-result">
          {t("bulk.done", { count: Number(done) })} {skipped > 0 ? t("bulk.skipped", { count: skipped }) : null}
        </p>
      ) : null}
      <fieldset>
        <legend>{t("bulk.legend")}</legend>
        <label>
          {t("bulk.template")}{" "}
          <select name="templateId" defaultValue="">
            <option value="">{t("actions.noTemplate")}</option>
            {templates.map((tpl) => (
              <option key={tpl.id} value={tpl.id}>
                {tpl.title}
                {tpl.category ? ` (${t(`complaint:category.${tpl.category}`)})` : ""}
              </option>
            ))}
          </select>
        </label>{" "}
        <button type="submit" className="button">
          {t("bulk.submit")}
        </button>
        <p className="hint">{t("bulk.keys")}</p>
      </fieldset>
    </Form>
  );
}

/** Keyboard shortcuts on the inbox list; ignored while typing in a field. */
export function InboxKeys() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) && e.key !== "Escape") return;
      const links = Array.from(document.querySelectorAll<HTMLAnchorElement>("ul.inbox > li > a"));
      const index = links.findIndex((a) => a === document.activeElement);
      if (e.key === "j" || e.key === "k") {
        const next = e.key === "j" ? Math.min(links.length - 1, index + 1) : Math.max(0, index - 1);
        links[next]?.focus();
        e.preventDefault();
      } else if (e.key === "x" && index >= 0) {
        const box = links[index].parentElement?.querySelector<HTMLInputElement>("input.inbox__select");
        if (box && !box.disabled) box.checked = !box.checked;
        e.preventDefault();
      } else if (e.key === "/") {
        document.querySelector<HTMLInputElement>('input[name="q"]')?.focus();
        e.preventDefault();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
  return null;
}
