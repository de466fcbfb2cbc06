// Oversized bodies through the real server with a keep-alive client: 413 with a translated message,
// nothing stored, and the next request on the same connection is answered normally.
import http from "node:http";
import type { Socket } from "node:net";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, inject, it } from "vitest";

const baseUrl = inject("baseUrl");
// One socket, kept alive: every request below goes over the same TCP connection unless the server closed it.
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
afterAll(() => agent.destroy());

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string; socket: Socket };

function send(
  path: string,
  { method = "GET", headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: Buffer | Buffer[] } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${baseUrl}${path}`, { method, agent, headers: { origin: baseUrl, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString(),
          socket: req.socket!,
        }),
      );
    });
    req.on("error", reject);
    // Arrays are sent chunk by chunk without a Content-Length (chunked transfer encoding).
    if (Array.isArray(body)) for (const part of body) req.write(part);
    else if (body) req.write(body);
    req.end();
  });
}

const form = (size: number) =>
  Buffer.from(
    `r_roads=4&r_environment=4&r_water=4&r_security=4&r_overall=4&submissionId=${crypto.randomUUID()}&comment=${"a".repeat(size)}`,
  );

/** Answers stored in the shared browser-test server's database (tests/setup/e2e-server.ts). */
function countAnswers() {
  const db = new Database(path.resolve("tests/.tmp/e2e/app.db"), { readonly: true });
  try {
    return (db.prepare("SELECT COUNT(*) AS n FROM Response").get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe("oversized bodies on a keep-alive connection", () => {
  it("answers 413 in the reader's language to a 2 MB form, and serves the next request on the same connection", async () => {
    const first = await send("/c/vinh-bao");
    expect(first.status).toBe(200);
    const before = countAnswers();
    const big = await send("/c/vinh-bao/survey", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: form(2 * 1024 * 1024),
    });
    expect(big.status).toBe(413);
    expect(big.headers["content-type"]).toContain("text/html");
    expect(big.body).toContain('lang="vi"');
    expect(big.body).toContain("Dữ liệu gửi lên quá lớn");
    expect(big.headers.connection).not.toBe("close");
    const next = await send("/c/vinh-bao");
    expect(next.status).toBe(200);
    expect(next.socket).toBe(first.socket); // the same TCP connection, not a new one
    expect(countAnswers()).toBe(before);
  });

  it("answers in English when the reader chose English, and as form data to the app's own fetch", async () => {
    const lng = (
      await send("/language", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: Buffer.from("lng=en&redirectTo=/"),
      })
    ).headers["set-cookie"]!.map((c) => c.split(";")[0]).join("; ");
    const page = await send("/c/vinh-bao/survey", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: lng },
      body: form(2 * 1024 * 1024),
    });
    expect(page.status).toBe(413);
    expect(page.body).toContain('lang="en"');
    expect(page.body).toContain("What was sent is too large");
    const data = await send("/c/vinh-bao/survey?_data=routes%2Fc.%24slug.survey", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: form(2 * 1024 * 1024),
    });
    expect(data.status).toBe(413);
    expect(JSON.parse(data.body)).toEqual({ formError: "tooLarge", values: {} });
    expect((await send("/healthz")).socket).toBe(data.socket);
  });

  it("answers 413 to a body over the survey's own cap, and to a chunked body with no declared length, keeping the connection", async () => {
    const first = await send("/healthz");
    // 40 KB: under the server's cap for forms (64 KB), over the survey's (32 KB): refused by the app.
    const overCap = await send("/c/vinh-bao/survey", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: form(40 * 1024),
    });
    expect(overCap.status).toBe(413);
    expect(overCap.socket).toBe(first.socket);
    const chunked = await send("/c/vinh-bao/survey", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: Array.from({ length: 32 }, (_, i) => (i === 0 ? form(64 * 1024) : Buffer.from("a".repeat(64 * 1024)))),
    });
    expect(chunked.status).toBe(413);
    const next = await send("/healthz");
    expect(next.status).toBe(200);
    expect(next.socket).toBe(first.socket);
  });
});
