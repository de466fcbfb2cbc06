import { useTranslation } from "react-i18next";
import type { Verdict } from "~/lib/score";

/**
 * A verdict in words that say what they mean, with a one-line explanation. The explanation shows
 * on hover, on keyboard focus and on tap (the badge is focusable, so a phone focuses it on touch:
 * CSS only, works without JavaScript), and always in print.
 */
export function VerdictBadge({
  verdict,
  scope = "criterion",
  label,
}: {
  verdict: Verdict;
  scope?: "criterion" | "commune";
  /** a table's remembered labels of the "commune" namespace (hooks/use-label) */
  label?: (key: string) => string;
}) {
  const { t: translate } = useTranslation("commune");
  const t = label ?? translate;
  const hint = t(`verdictHint.${scope}.${verdict}`);
  return (
    <span className={`verdict verdict--${verdict}`} tabIndex={0} title={hint} data-verdict={verdict}>
      {t(`verdict.${verdict}`)}
      <span className="verdict__why" role="note">
        {hint}
      </span>
    </span>
  );
}
