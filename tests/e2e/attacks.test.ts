// Issue 11's attacks on the real server (production build): methods and origins before any route,
// caching of private pages, and a chunked 100 MB multipart upload against the server's memory.
import http from "node:http";
import { describe, expect, inject, it } from "vitest";
import { chunkedMultipart, measureRss } from "../../scripts/lib/upload-attack";

const baseUrl = inject("baseUrl");
const serverPid = inject("serverPid");

/** node:http, since fetch refuses TRACE. */
function raw(method: string, path: string): Promise<{ status: number; allow?: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(baseUrl + path, { method }, (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, allow: res.headers.allow });
    });
    req.on("error", reject);
    req.end();
  });
}

describe("methods and origins", () => {
  it.each(["TRACE", "PUT", "DELETE", "PATCH", "OPTIONS"])("%s is 405 with an Allow header, not 500", async (method) => {
    for (const path of ["/", "/staff", "/c/vinh-bao/report"]) {
      const res = await raw(method, path);
      expect(res.status).toBe(405);
      expect(res.allow).toBe("GET, HEAD, POST");
    }
  });

  it.each(["https://evil.example", "null"])(
    "a post with Origin %s is 403 on every route, with or without an action",
    async (origin) => {
      for (const path of [
        "/",
        "/c/vinh-bao",
        "/c/vinh-bao/survey",
        "/c/vinh-bao/report",
        "/staff/login",
        "/t",
        "/t/ABCDE-23456",
        "/language",
        "/nowhere",
      ]) {
        const res = await fetch(baseUrl + path, {
          method: "POST",
          redirect: "manual",
          headers: { Origin: origin, "Content-Type": "application/x-www-form-urlencoded" },
          body: "email=a%40b.c&password=x",
        });
        expect(res.status, path).toBe(403);
      }
    },
  );

  it("a same-site post still reaches the route", async () => {
    const res = await fetch(`${baseUrl}/staff/login`, {
      method: "POST",
      redirect: "manual",
      headers: { Origin: baseUrl, "Content-Type": "application/x-www-form-urlencoded" },
      body: "email=nobody%40test.local&password=whatever",
    });
    expect(res.status).toBe(400);
  });
});

describe("caching", () => {
  it.each([
    "/staff/login",
    "/staff",
    "/staff/council",
    "/staff/login?_data=routes%2Fstaff_.login",
    "/t",
    "/t/ABCDE-23456",
    "/t/ABCDE-23456?_data=routes%2Ft.%24code",
  ])("%s is never stored", async (path) => {
    const res = await fetch(baseUrl + path, { redirect: "manual" });
    expect(res.headers.get("Cache-Control")).toBe("no-store");
  });

  // Signed in, the pages themselves (HTML, 200) carry residents' contacts: never stored either.
  it.each([
    "/staff",
    "/staff/council",
    "/staff/complaints/1",
    "/staff/settings/thresholds",
    "/%73taff/council",
    "/st%61ff",
    "/staff/council?_data=routes%2Fstaff.council._index",
  ])("%s, signed in, is never stored", async (path) => {
    const login = await fetch(`${baseUrl}/staff/login`, {
      method: "POST",
      redirect: "manual",
      headers: { Origin: baseUrl, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: "admin@demo.ntm.local", password: "demo-password-2026" }),
    });
    expect(login.status).toBe(303);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const res = await fetch(baseUrl + path, { redirect: "manual", headers: { Cookie: cookie } });
    expect(res.status).toBe(200);
    if (!path.includes("_data")) expect(res.headers.get("Content-Type")).toMatch(/^text\/html/);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
  });

  it("public pages keep their own caching", async () => {
    const res = await fetch(`${baseUrl}/c/vinh-bao`);
    expect(res.headers.get("Cache-Control") ?? "").not.toBe("no-store");
  });
});

describe("upload memory", () => {
  it("a chunked 100 MB multipart with 100 parts is refused with 413, and the server's memory grows by far less than 200 MB", async () => {
    const m = await measureRss(serverPid, () =>
      chunkedMultipart(`${baseUrl}/c/vinh-bao/report`, { parts: 100, partBytes: 1024 * 1024 }),
    );
    expect(m.result.status).toBe(413);
    // Refused after the part limit: it did not read the 100 MB.
    expect(m.result.sentBytes).toBeLessThan(40 * 1024 * 1024);
    expect(m.growth).toBeLessThan(200 * 1024 * 1024);
  });
});
