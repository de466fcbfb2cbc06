// Enhances the report's photo input (a plain file input, rendered by the shared Field component).
// Without JavaScript nothing changes: the server shrinks what arrives. With JavaScript each chosen
// photo is shrunk on the phone (~1600 px / 300 KB), shown as a preview with a button to remove it,
// and the input is given the shrunk files, so that whichever way the form is sent (now, or later
// from the offline queue) only small files travel.
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { shrinkPhoto } from "~/lib/shrink-photo";
import { ErrorList } from "./forms";

type Chosen = { file: File; url: string; originalBytes: number };

const kb = (bytes: number) => Math.max(1, Math.round(bytes / 1024));

export function PhotoPreviews({ inputId, max }: { inputId: string; max: number }) {
  const { t } = useTranslation("pwa");
  const [chosen, setChosen] = useState<Chosen[]>([]);
  const [busy, setBusy] = useState(false);
  const [dropped, setDropped] = useState(0);
  const current = useRef<Chosen[]>([]);

  // The input holds exactly the photos shown (where the browser lets a page set its files).
  function show(list: Chosen[]) {
    current.current = list;
    setChosen(list);
    const input = document.getElementById(inputId) as HTMLInputElement | null;
    if (!input || typeof DataTransfer !== "function") return;
    try {
      const dt = new DataTransfer();
      for (const c of list) dt.items.add(c.file);
      input.files = dt.files;
    } catch {
      // older browsers: the originals go to the server, which shrinks them
    }
  }

  useEffect(() => {
    const input = document.getElementById(inputId) as HTMLInputElement | null;
    if (!input) return;
    const onChange = async () => {
      const picked = [...(input.files ?? [])];
      if (picked.length === 0) return show(current.current);
      setBusy(true);
      const shrunk = await Promise.all(
        picked.map(async (f) => {
          const file = await shrinkPhoto(f);
          return { file, url: URL.createObjectURL(file), originalBytes: f.size };
        }),
      );
      const all = [...current.current, ...shrunk];
      all.slice(max).forEach((c) => URL.revokeObjectURL(c.url));
      setDropped(Math.max(0, all.length - max));
      show(all.slice(0, max));
      setBusy(false);
    };
    input.addEventListener("change", onChange);
    return () => {
      input.removeEventListener("change", onChange);
      current.current.forEach((c) => URL.revokeObjectURL(c.url));
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- attached once to the input
  }, [inputId, max]);

  function remove(index: number) {
    URL.revokeObjectURL(chosen[index].url);
    setDropped(0);
    show(chosen.filter((_, i) => i !== index));
  }

  return (
    <>
      {busy ? (
        <p className="hint" role="status">
          {t("photos.shrinking")}
        </p>
      ) : null}
      <ErrorList errors={dropped > 0 ? t("photos.tooMany", { max }) : null} />
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
