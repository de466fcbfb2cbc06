// The built JavaScript and CSS through the real server (issue 25): compressed once at build time
// (gzip -9, scripts/lib/precompress.ts) and sent as files with their length, the same bytes as the
// plain file once decompressed; the plain file for a client that does not take gzip; nothing
// outside public/build however the path is written.
import http from "node:http";
import zlib from "node:zlib";
import { describe, expect, inject, it } from "vitest";

const baseUrl = inject("baseUrl");

function get(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http
      .get(baseUrl + path, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (d: Buffer) => chunks.push(d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on("error", reject);
  });
}

describe("built assets", () => {
  it("are sent precompressed with their length, and decompress to the plain file", async () => {
    const page = (await get("/c/vinh-bao/survey")).body.toString("utf8");
    const scripts = [...page.matchAll(/\/build\/[\w./$-]+\.js/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(5);
    for (const src of [...new Set(scripts)].slice(0, 8)) {
      const gz = await get(src, { "Accept-Encoding": "gzip, deflate, br" });
      const plain = await get(src);
      expect(gz.status, src).toBe(200);
      expect(gz.headers["content-encoding"], src).toBe("gzip");
      expect(Number(gz.headers["content-length"]), src).toBe(gz.body.length);
      expect(gz.headers["content-type"], src).toMatch(/javascript/);
      expect(gz.headers["cache-control"], src).toContain("immutable");
      expect(gz.headers.vary, src).toMatch(/Accept-Encoding/i);
      expect(plain.headers["content-encoding"], src).toBeUndefined();
      expect(zlib.gunzipSync(gz.body).equals(plain.body), src).toBe(true);
    }
  });

  it("never serve a file outside public/build, however the path is written", async () => {
    for (const path of ["/build/../../server.js", "/build/..%2F..%2Fserver.js", "/build/%2e%2e/%2e%2e/package.json"]) {
      const res = await get(path, { "Accept-Encoding": "gzip" });
      expect(res.status, path).not.toBe(200);
      expect(res.body.toString("latin1"), path).not.toContain("createRequestHandler");
    }
  });
});
