// A multipart post without a boundary (issue 26): a 400 like every other malformed body, never a
// closed connection ("Empty reply from server"). Through real HTTP, with the request body made
// into a web stream as the Remix Express adapter makes it.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readMultipartForm } from "~/utils/upload.server";

let server: http.Server;
let port = 0;
beforeAll(async () => {
  server = http.createServer(async (req, res) => {
    const request = new Request(`http://127.0.0.1${req.url}`, {
      method: "POST",
      headers: req.headers as Record<string, string>,
      body: createReadableStreamFromReadable(req),
      duplex: "half",
    } as RequestInit);
    const read = await readMultipartForm(request, { fields: new Set(["text"]), fileField: "photos" });
    res.writeHead(read.ok ? 200 : read.status, { "Content-Type": "text/plain" }).end(read.ok ? "ok" : read.error);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => server.close());

/** The status, or the error when the connection closes without an answer. */
function post(contentType: string, body: string): Promise<number | string> {
  return new Promise((resolve) => {
    const req = http.request(
      { port, host: "127.0.0.1", method: "POST", path: "/c/vinh-bao/report", headers: { "Content-Type": contentType } },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", (e) => resolve(e.message));
    req.end(body);
  });
}

describe("a multipart post with no usable boundary", () => {
  const body = '--x\r\nContent-Disposition: form-data; name="text"\r\n\r\nĐường hỏng\r\n--x--\r\n';
  it("gets a 400 (notForm) and the connection stays usable", async () => {
    for (const type of [
      "multipart/form-data",
      "multipart/form-data; boundary=",
      'multipart/form-data; boundary=""',
      "multipart/form-data;boundary= ",
    ])
      expect(await post(type, body), type).toBe(400);
    expect(await post("multipart/form-data; boundary=x", body)).toBe(200);
  });

  it("is read to its end, not cancelled (a cancelled request stream closes the socket)", async () => {
    let cancelled = false;
    let pulled = 0;
    const chunks = [new TextEncoder().encode("a".repeat(1000)), new TextEncoder().encode("b".repeat(1000))];
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift();
        if (next) {
          pulled++;
          controller.enqueue(next);
        } else controller.close();
      },
      cancel() {
        cancelled = true;
      },
    });
    const request = new Request("http://localhost/c/vinh-bao/report", {
      method: "POST",
      headers: { "Content-Type": "multipart/form-data" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    const read = await readMultipartForm(request, { fields: new Set(["text"]), fileField: "photos" });
    expect(read).toMatchObject({ ok: false, error: "notForm", status: 400 });
    expect(pulled).toBe(2);
    expect(cancelled).toBe(false);
  });
});
