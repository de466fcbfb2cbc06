// True once React runs in the browser. Charts render only then: without JavaScript a canvas
// stays blank and its reserved height is empty space above the caption (the table has the numbers).
import { useEffect, useState } from "react";

export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}
