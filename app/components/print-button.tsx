// "Print" needs JavaScript; without it the browser's own print command prints the same page.
import { useEffect, useState } from "react";

export function PrintButton({ label }: { label: string }) {
  const [enhanced, setEnhanced] = useState(false);
  useEffect(() => setEnhanced(true), []);
  if (!enhanced) return null;
  return (
    <button type="button" className="button no-print" onClick={() => window.print()}>
      {label}
    </button>
  );
}
