import { PassThrough, Transform } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { InlineStylesProvider } from "./components/inline-styles";
import { NonceProvider } from "./components/nonce";
import { readStylesheet } from "./utils/inline-css.server";
import { scriptsAfterLoad } from "./utils/scripts-after-load";
import { deferScripts } from "./utils/scripts-after-load.server";

// server.js reads the validated environment from here, so there is one parser for it, and
// closes the database through `shutdown` when it stops; `startBackground` starts the outbox worker.
export { env } from "./utils/env.server";
export { shutdown, startBackground } from "./services/background.server";
export { bodyLimit, DRAIN_MAX_BYTES, tooLargeAnswer } from "./utils/body-limit.server";
export { isCrossSite } from "./utils/request.server";
export { trustProxySetting } from "./utils/client-address.server";

const ABORT_DELAY = 5_000;

function wholeDocument() {
  const chunks: Buffer[] = [];
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
    flush(done) {
      done(null, deferScripts(Buffer.concat(chunks).toString("utf8")).html);
    },
  });
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce ?? "";
  // Bots get the whole document at once; people get it streamed as soon as the shell is ready.
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <InlineStylesProvider value={readStylesheet}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </InlineStylesProvider>
      </NonceProvider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          // A page whose scripts wait for the load event (utils/scripts-after-load.ts) is small and
          // has nothing to stream later: it is written whole, its scripts made inert.
          const body = scriptsAfterLoad(
            remixContext.staticHandlerContext.matches.map((m) => remixContext.routeModules[m.route.id] ?? {}),
          )
            ? wholeDocument()
            : new PassThrough();
          const stream = createReadableStreamFromReadable(body);
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(new Response(stream, { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}
