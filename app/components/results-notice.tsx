import type { NoticeView } from "~/models/round-notice-view.server";

/** One A4 results notice for a community hall's board (print CSS in app.css: one per page). */
export function ResultsNotice({ n }: { n: NoticeView }) {
  return (
    <article className="poster results-notice" lang="vi" data-slug={n.slug}>
      <p className="poster__heading">{n.heading}</p>
      <h1>{n.title}</h1>
      <p className="poster__lead">{n.lead}</p>
      <ul className="results-notice__criteria">
        {n.criteria.map((c) => (
          <li key={c.key}>{c.line}</li>
        ))}
      </ul>
      <p>
        <strong>{n.coverage}</strong>
      </p>
      {n.villages.length > 0 ? (
        <table className="results-notice__villages">
          <caption>{n.villageHead.title}</caption>
          <thead>
            <tr>
              <th scope="col">{n.villageHead.village}</th>
              <th scope="col">{n.villageHead.households}</th>
              <th scope="col">{n.villageHead.used}</th>
            </tr>
          </thead>
          <tbody>
            {n.villages.map((v) => (
              <tr key={v.village}>
                <th scope="row">{v.village}</th>
                <td>{v.households}</td>
                <td>{v.used}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <p className="results-notice__verdict">
        <strong>{n.verdict}</strong>
      </p>
      <p>{n.next}</p>
      <div className="poster__qr results-notice__qr">
        {/* The SVG comes from the qrcode package, made from our own URL: no user text in it. */}
        <div role="img" aria-label={n.qrAlt} className="poster__qr-code" dangerouslySetInnerHTML={{ __html: n.qrSvg }} />
        <div>
          <p>{n.scan}</p>
          <p className="poster__url">{n.shortUrl}</p>
        </div>
      </div>
      <p className="poster__footer">{n.issued}</p>
    </article>
  );
}
