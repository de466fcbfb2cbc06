// The client address behind a proxy, through real HTTP and Express as server.js configures it
// (decision 042): a client that writes its own X-Forwarded-For gets no other address for the
// per-address limits. One line to measure it: npx vitest run tests/integration/client-address.test.ts
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { trustProxySetting } from "~/utils/client-address.server";

const servers: { close: () => void }[] = [];
/** A server with TRUST_PROXY=value answering with the address every per-address limit uses (req.ip, as server.js passes it). */
async function serverWith(value: string): Promise<string> {
  const app = express();
  app.set("trust proxy", trustProxySetting(value));
  app.get("/", (req, res) => void res.type("text/plain").send(req.ip ?? req.socket.remoteAddress ?? "unknown"));
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}
const addressSeen = async (url: string, forwardedFor?: string) =>
  (await fetch(url, { headers: forwardedFor ? { "X-Forwarded-For": forwardedFor } : {} })).text();

let proxied = "";
beforeAll(async () => {
  proxied = await serverWith("true");
});
afterAll(() => servers.forEach((s) => s.close()));

describe("the client address with TRUST_PROXY", () => {
  it("reads 'true' as one proxy, never as trust-everything", () => {
    expect(trustProxySetting("true")).toBe(1);
    expect(trustProxySetting("false")).toBe(false);
    expect(trustProxySetting("2")).toBe(2);
    expect(trustProxySetting("10.0.0.1, 10.0.0.2")).toBe("10.0.0.1, 10.0.0.2");
  });

  it("takes the entry the proxy appended (the rightmost), not what the client wrote on the left", async () => {
    // The client sent "X-Forwarded-For: 198.51.100.<i>"; our proxy appended the address it saw.
    const seen = new Set<string>();
    for (let i = 1; i <= 20; i++) seen.add(await addressSeen(proxied, `198.51.100.${i}, 203.0.113.9`));
    expect([...seen]).toEqual(["203.0.113.9"]);
  });

  it("with a hop count of 2, skips exactly two proxies from the right", async () => {
    const url = await serverWith("2");
    expect(await addressSeen(url, "198.51.100.7, 203.0.113.9, 10.0.0.5")).toBe("203.0.113.9");
  });

  it("with the proxies' addresses, stops at the first address that is not one of them", async () => {
    const url = await serverWith("loopback, 10.0.0.5");
    expect(await addressSeen(url, "198.51.100.7, 203.0.113.9, 10.0.0.5")).toBe("203.0.113.9");
  });

  it("with TRUST_PROXY=false, ignores the header", async () => {
    const url = await serverWith("false");
    expect(await addressSeen(url, "198.51.100.7")).toBe("127.0.0.1");
  });
});
