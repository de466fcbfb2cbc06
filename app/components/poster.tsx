import type { PosterView } from "~/models/poster-view.server";
import { NoticeAside } from "./notice-banner";

/** One A4 notice-board poster (print CSS in app.css: one per page). */
export function Poster({ p }: { p: PosterView }) {
  const l = p.lines;
  return (
    <article className="poster" lang="vi" data-slug={p.slug}>
      <h1>
        <span className="poster__kind">{p.kindLabel}</span>
        {p.name}
      </h1>
      <NoticeAside heading={p.notices.heading} lines={p.notices.lines} />
      <p className="poster__heading">{l.heading}</p>
      <p className="poster__lead">{l.lead}</p>
      <div className="poster__qr">
        {/* The SVG comes from the qrcode package, made from our own URL: no user text in it. */}
        <div role="img" aria-label={l.qrAlt} className="poster__qr-code" dangerouslySetInnerHTML={{ __html: p.qrSvg }} />
        <div>
          <p>{l.scan}</p>
          <p>{l.orType}</p>
          <p className="poster__url">{p.shortUrl}</p>
        </div>
      </div>
      <p>
        <strong>{l.round}</strong>
      </p>
      <h2>{l.how}</h2>
      <ol>
        {l.steps.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ol>
      <p>{l.report}</p>
      <p>{l.offline}</p>
      {l.phone ? (
        <p>
          <strong>{l.phone}</strong>
        </p>
      ) : null}
      <p className="poster__footer">{l.footer}</p>
    </article>
  );
}
