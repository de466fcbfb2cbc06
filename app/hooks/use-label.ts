// Labels for a long table: i18next's `t` costs a few microseconds a call, and a table of 114
// communes asks for the same dozen labels (kind, region, verdict, "too few answers") a thousand
// times per page. `useLabel` translates each key once while the language (i18next's `t`) stays
// the same, for the component that calls it.
import { useMemo } from "react";
import { useTranslation } from "react-i18next";

/** `t(key)` for keys without options, remembered by this component while `t` stays the same. */
export function useLabel(ns: string): (key: string) => string {
  const { t } = useTranslation(ns);
  return useMemo(() => {
    const made = new Map<string, string>();
    return (key: string) => {
      let label = made.get(key);
      if (label === undefined) made.set(key, (label = t(key)));
      return label;
    };
  }, [t]);
}
