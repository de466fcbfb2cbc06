import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The client's network address, as resolved by Express (honours TRUST_PROXY). */
    clientIp: string;
    /** Content-Security-Policy nonce of this response (server.js). */
    cspNonce?: string;
  }
}
