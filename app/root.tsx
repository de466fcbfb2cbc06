import { json, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useMatches,
  useRouteLoaderData,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import { useEffect, useMemo, type ReactNode } from "react";
import { I18nextProvider } from "react-i18next";
import { ErrorPage } from "~/components/error-page";
import { InlineStyles } from "~/components/inline-styles";
import { OfflineAgentLoader } from "~/components/offline-agent-loader";
import { useNonce } from "~/components/nonce";
import { SiteHeader } from "~/components/site-header";
import { isDemoData } from "~/models/setting.server";
import styles from "~/styles/app.css";
import uxStyles from "~/styles/ux.css";
import { getLanguage, pageStrings } from "~/utils/i18n.server";
import { AFTER_LOAD_SCRIPT, scriptsAfterLoad } from "~/utils/scripts-after-load";
import { carries, DEFAULT_LANGUAGE, namespacesFor, pageI18n, type Language, type Resource } from "~/utils/i18n";

// The site's stylesheets are written into the page (InlineStyles, decision 040).
export const links: LinksFunction = () => [
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  { rel: "manifest", href: "/manifest.webmanifest" },
  { rel: "apple-touch-icon", href: "/icons/apple-touch-icon.png" },
];

// The strings the phone already has. When a later load of the root fails (the signal dropped
// during a submit), the error page is still translated instead of showing raw keys.
let known: { locale: Language; resources: Resource } | undefined;

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await getLanguage(request);
  // The root must render even when the database is down, so that the error page is translated.
  const demo = await isDemoData().catch(() => false);
  // Only the strings this page uses (decision 040): a resident page never carries the staff pages'.
  return json({ locale, resources: { [locale]: pageStrings(locale, new URL(request.url).pathname) }, demo });
}

// Plain navigations keep the root data (strings, flags) unless the next page needs strings this
// one does not carry; a form submission (language switch, later login) refreshes it.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, defaultShouldRevalidate, currentUrl, nextUrl }) =>
  formMethod ? defaultShouldRevalidate : !carries(namespacesFor(currentUrl.pathname), namespacesFor(nextUrl.pathname));

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const inBrowser = typeof document !== "undefined";
  if (data && inBrowser) known = { locale: data.locale, resources: data.resources };
  const strings = data ?? (inBrowser ? known : undefined);
  const locale = strings?.locale ?? DEFAULT_LANGUAGE;
  const nonce = useNonce();
  const i18n = useMemo(() => pageI18n(locale, strings?.resources ?? {}), [locale, strings?.resources]);
  const afterLoad = scriptsAfterLoad(useMatches());
  // Marks the moment the page became interactive (npm run page-weight reports it as hydratedMs).
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#14532d" />
        <Meta />
        <InlineStyles hrefs={[styles, uxStyles]} />
        <Links />
      </head>
      <body>
        <I18nextProvider i18n={i18n}>
          <SiteHeader demo={data?.demo ?? false} />
          <main id="main">
            <OfflineAgentLoader />
            {children}
          </main>
        </I18nextProvider>
        <ScrollRestoration nonce={nonce} />
        {afterLoad ? (
          <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: AFTER_LOAD_SCRIPT }} />
        ) : null}
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
