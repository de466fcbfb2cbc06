// The report's photo field. Without JavaScript: a plain file input (the server shrinks what
// arrives). With JavaScript: each chosen photo is shrunk on the phone (~1600 px / 300 KB), shown
// as a preview with a button to remove it, and the input is given the shrunk files, so that
// whichever way the form is sent (now, or later from the offline queue) only small files travel.
import { useEffect, useRef, useState, type InputHTMLAttributes } from "react";
import { useTranslation } from "react-i18next";
import { shrinkPhoto } from "~/lib/shrink-photo";

type Chosen = { file: File; url: string; originalBytes: number };

const kb = (bytes: number) => Math.max(1, Math.round(bytes / 1024));

export function PhotoInput({ max, ...input }: { max: number } & InputHTMLAttributes<HTMLInputElement>) {
  const { t } = useTranslation("pwa");
  const ref = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<Chosen[]>([]);
  const [busy, setBusy] = useState(false);
  const [dropped, setDropped] = useState(0);

  // The input holds exactly the photos shown (where the browser lets a page set its files).
  function syncInput(list: Chosen[]) {
    if (!ref.current || typeof DataTransfer !== "function") return;
    try {
      const dt = new DataTransfer();
      for (const c of list) dt.items.add(c.file);
      ref.current.files = dt.files;
    } catch {
      // older browsers: the originals go to the server, which shrinks them
    }
  }

  useEffect(() => () => chosen.forEach((c) => URL.revokeObjectURL(c.url)), []); // eslint-disable-line react-hooks/exhaustive-deps

  async function onChange(e: React.ChangeEvent<HTMLInputElement>) {
    const picked = [...(e.target.files ?? [])];
    if (picked.length === 0) {
      syncInput(chosen);
      return;
    }
    setBusy(true);
    const shrunk = await Promise.all(
      picked.map(async (f) => {
        const file = await shrinkPhoto(f);
        return { file, url: URL.createObjectURL(file), originalBytes: f.size };
      }),
    );
    const all = [...chosen, ...shrunk];
    const kept = all.slice(0, max);
    all.slice(max).forEach((c) => URL.revokeObjectURL(c.url));
    setDropped(all.length - kept.length);
    setChosen(kept);
    syncInput(kept);
    setBusy(false);
  }

  function remove(index: number) {
    const next = chosen.filter((_, i) => i !== index);
    URL.revokeObjectURL(chosen[index].url);
    setChosen(next);
    setDropped(0);
    syncInput(next);
  }

  return (
    <>
      <input ref={ref} type="file" accept="image/jpeg,image/png,image/webp" multiple {...input} onChange={onChange} />
      {busy ? (
        <p className="hint" role="status">
          {t("photos.shrinking")}
        </p>
      ) : null}
      {dropped > 0 ? <p className="field-error">{t("photos.tooMany", { max })}</p> : null}
      {chosen.length > 0 ? (
        <ul className="photo-previews" aria-label={t("photos.chosen")}>
          {chosen.map((c, i) => (
            <li key={c.url} data-testid="photo-preview">
              <img src={c.url} alt={t("photos.preview", { n: i + 1 })} />
              <span className="hint">
                {c.originalBytes > c.file.size
                  ? t("photos.shrunk", { from: kb(c.originalBytes), to: kb(c.file.size) })
                  : t("photos.size", { kb: kb(c.file.size) })}
              </span>
              <button type="button" className="button button--small" onClick={() => remove(i)}>
                {t("photos.remove", { n: i + 1 })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
