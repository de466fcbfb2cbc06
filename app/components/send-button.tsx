// The send button of a resident form that the offline agent sends itself (data-offline, issue 13):
// the upload progress right beside it, where the thumb and the eye are, and the button disabled
// from the first tap until the next page is shown, so a second tap sends nothing (issue 23).
// useOfflineSubmit reports the progress with a "send-progress" event on the form (percent, or
// null when the form is back in the resident's hands). Without JavaScript it is a plain button.
import { useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

export const SEND_PROGRESS_EVENT = "send-progress";
export type SendProgress = { percent: number | null };

export function SendButton({ label, sendingLabel }: { label: string; sendingLabel: string }) {
  const { t } = useTranslation("pwa");
  const navigation = useNavigation();
  const button = useRef<HTMLButtonElement>(null);
  const row = useRef<HTMLDivElement>(null);
  const [percent, setPercent] = useState<number | null>(null);
  useEffect(() => {
    const form = button.current?.form;
    if (!form) return;
    const on = (e: Event) => setPercent((e as CustomEvent<SendProgress>).detail.percent);
    form.addEventListener(SEND_PROGRESS_EVENT, on);
    return () => form.removeEventListener(SEND_PROGRESS_EVENT, on);
  }, []);
  // The progress appears under a button the thumb may have tapped at the bottom edge of the screen:
  // bring the whole row (button and progress) on screen once, when the upload starts.
  const uploading = percent !== null;
  useEffect(() => {
    if (uploading) row.current?.scrollIntoView({ block: "nearest" });
  }, [uploading]);
  const sending = uploading || navigation.state === "submitting";
  return (
    <div ref={row} className="send-row" data-send-progress="">
      <button ref={button} type="submit" className="button button--primary button--block" disabled={sending}>
        {sending ? sendingLabel : label}
      </button>
      <div className="send-row__progress" role="status" data-testid="send-progress">
        {percent !== null ? (
          <>
            <span>{t("queue.sending", { percent })}</span>
            <progress max={100} value={percent} />
          </>
        ) : null}
      </div>
    </div>
  );
}
