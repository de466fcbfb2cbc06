// The site's stylesheets, written into the page itself (decision 040). On a 400 ms round trip a
// stylesheet of its own is a second request, and the form cannot be drawn until it is there; the
// JavaScript that the page preloads meanwhile shares the same thin link. Written into the HTML,
// the page is drawn and usable as soon as its HTML has arrived. The server reads the built file
// (entry.server.tsx provides the reader); in the browser the element is already there and React
// leaves its content alone (its props do not change after hydration).
import { createContext, useContext } from "react";

type Reader = (href: string) => string | undefined;
const StylesContext = createContext<Reader>(() => undefined);
export const InlineStylesProvider = StylesContext.Provider;

export function InlineStyles({ hrefs }: { hrefs: string[] }) {
  const read = useContext(StylesContext);
  return (
    <>
      {hrefs.map((href) => (
        <style key={href} data-href={href} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: read(href) ?? "" }} />
      ))}
    </>
  );
}
