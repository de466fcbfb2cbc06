// The form that blurs parts of a photo: a report's (routes/staff.complaints.$id_.photos.$photoId.redact.tsx)
// or an inspection's (routes/staff.works.$id.inspections.$inspectionId.photos.$n.tsx).
// Without JavaScript: up to three rectangles typed in percent of the photo. With it: drag on the
// photo (mouse or finger) and the next empty row is filled; the rectangles are drawn over the photo.
import { useRef, useState, type PointerEvent } from "react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { readRedactRects, redactFieldName, REDACT_FIELDS, REDACT_ROWS, roundPercent, type PercentRect } from "~/lib/redaction";
import { ErrorList, describedBy } from "./forms";

type Values = Record<string, string>;
const ROWS = Array.from({ length: REDACT_ROWS }, (_, i) => i + 1);

/** The rows that read as rectangles, to draw over the photo. */
function drawn(values: Values): PercentRect[] {
  return ROWS.flatMap((row) => {
    const one = readRedactRects(
      Object.fromEntries(REDACT_FIELDS.map((f) => [redactFieldName(f, 1), values[redactFieldName(f, row)]])),
    );
    return one.ok ? one.rects : [];
  });
}

export function PhotoRedactForm({
  src,
  alt,
  photo,
  errors,
  values: initial,
}: {
  /** the photo's address, as it is now */
  src: string;
  /** what the photo is, for a screen reader */
  alt: string;
  photo: { width: number; height: number };
  errors: Record<string, string>;
  values: Values;
}) {
  const { t } = useTranslation("staff");
  const [values, setValues] = useState<Values>(initial);
  const [dragging, setDragging] = useState<PercentRect | null>(null);
  const start = useRef<{ x: number; y: number } | null>(null);
  const frame = useRef<HTMLDivElement>(null);

  const at = (e: PointerEvent) => {
    const box = frame.current!.getBoundingClientRect();
    return {
      x: roundPercent(((e.clientX - box.left) / box.width) * 100),
      y: roundPercent(((e.clientY - box.top) / box.height) * 100),
    };
  };
  const rectFrom = (a: { x: number; y: number }, b: { x: number; y: number }): PercentRect => ({
    left: Math.min(a.x, b.x),
    top: Math.min(a.y, b.y),
    width: roundPercent(Math.abs(a.x - b.x)),
    height: roundPercent(Math.abs(a.y - b.y)),
  });
  const onDown = (e: PointerEvent) => {
    e.preventDefault();
    frame.current!.setPointerCapture(e.pointerId);
    start.current = at(e);
  };
  const onMove = (e: PointerEvent) => {
    if (start.current) setDragging(rectFrom(start.current, at(e)));
  };
  const onUp = (e: PointerEvent) => {
    if (!start.current) return;
    const rect = rectFrom(start.current, at(e));
    start.current = null;
    setDragging(null);
    if (rect.width < 0.5 || rect.height < 0.5) return;
    // The first empty row, or the last one when all are used.
    const row = ROWS.find((r) => REDACT_FIELDS.every((f) => !values[redactFieldName(f, r)])) ?? REDACT_ROWS;
    setValues((v) => ({ ...v, ...Object.fromEntries(REDACT_FIELDS.map((f) => [redactFieldName(f, row), String(rect[f])])) }));
  };

  const shown = [...drawn(values), ...(dragging ? [dragging] : [])];
  return (
    <Form method="post" className="card redact-form">
      <p className="hint">{t("redact.drawHint")}</p>
      <div
        ref={frame}
        className="redact-frame"
        data-testid="redact-frame"
        onPointerDown={onDown}
        onPointerMove={onMove}
        onPointerUp={onUp}
        onPointerCancel={() => {
          start.current = null;
          setDragging(null);
        }}
      >
        <img src={src} width={photo.width} height={photo.height} alt={alt} draggable={false} />
        {shown.map((r, i) => (
          <span
            key={i}
            className="redact-box"
            aria-hidden="true"
            style={{ left: `${r.left}%`, top: `${r.top}%`, width: `${r.width}%`, height: `${r.height}%` }}
          />
        ))}
      </div>
      {ROWS.map((row) => (
        <fieldset key={row} className="redact-row">
          <legend>{t("redact.row", { n: row })}</legend>
          {REDACT_FIELDS.map((f) => {
            const name = redactFieldName(f, row);
            const error = errors[name] ? t(errors[name]) : undefined;
            return (
              <div key={f} className="field field--inline">
                <label htmlFor={name}>{t(`redact.${f}`)}</label>
                <input
                  id={name}
                  name={name}
                  type="number"
                  inputMode="decimal"
                  min={0}
                  max={100}
                  step="any"
                  value={values[name] ?? ""}
                  onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
                  {...describedBy(name, null, error)}
                />
                <ErrorList id={`${name}-error`} errors={error} />
              </div>
            );
          })}
        </fieldset>
      ))}
      <p className="hint">{t("redact.warning")}</p>
      <button type="submit" className="button button--primary" data-testid="redact-submit">
        {t("redact.submit")}
      </button>
    </Form>
  );
}
