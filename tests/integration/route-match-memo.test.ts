// The route-match memo of server.js (route-match-memo.js, decision 016): Remix's request handler
// must still call it (if an upgrade stops doing so, the memo silently costs nothing and saves
// nothing: this test says so), and it never keeps a path that carries a resident's code.
import { createRequestHandler, json, type ServerBuild } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { MAX_PATHS, memoisedPaths, memoStats, rememberRouteMatches } from "../../route-match-memo.js";

const loader = ({ params }: { params: Record<string, string | undefined> }) => json({ params });
const route = (id: string, path: string, parentId?: string) => ({
  id,
  path,
  parentId,
  index: undefined,
  caseSensitive: undefined,
  module: { default: () => null, loader },
});
const routes = {
  root: route("root", ""),
  "routes/c.$slug": route("routes/c.$slug", "c/:slug", "root"),
  "routes/t.$code": route("routes/t.$code", "t/:code", "root"),
  "routes/b.$code": route("routes/b.$code", "b/:code", "root"),
  "routes/unsubscribe.$token": route("routes/unsubscribe.$token", "unsubscribe/:token", "root"),
};
// The smallest server build the real request handler accepts; data requests (?_data=) never render.
const build = {
  mode: "production",
  entry: { module: { default: () => new Response("document") } },
  routes,
  assets: { entry: { imports: [], module: "" }, routes: {}, url: "", version: "test" },
  publicPath: "/build/",
  assetsBuildDirectory: "public/build",
  future: {},
  isSpaMode: false,
  basename: undefined,
} as unknown as ServerBuild;

rememberRouteMatches();
const handle = createRequestHandler(build, "production");
const dataRequest = (path: string, routeId: string) =>
  handle(new Request(`http://localhost${path}?_data=${encodeURIComponent(routeId)}`));

describe("route-match memo", () => {
  it("is called by Remix's request handler, and answers as the router does", async () => {
    const before = memoStats.calls;
    const res = await dataRequest("/c/vinh-bao", "routes/c.$slug");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ params: { slug: "vinh-bao" } });
    expect(memoStats.calls).toBeGreaterThan(before);
    // A second request for the same path comes from the memo, with its own params.
    const again = await dataRequest("/c/vinh-bao", "routes/c.$slug");
    expect(await again.json()).toEqual({ params: { slug: "vinh-bao" } });
    expect(memoisedPaths().length).toBeGreaterThan(0);
  });

  it("never keeps a path that carries a ballot code, a tracking code or an unsubscribe token", async () => {
    const secret = [
      ["/t/ABCDE-23456", "routes/t.$code"],
      ["/b/K7Q2-M9XP", "routes/b.$code"],
      ["/unsubscribe/0123456789abcdef", "routes/unsubscribe.$token"],
      ["/T/ABCDE-99999", "routes/t.$code"],
    ];
    const before = memoStats.calls;
    for (const [path, id] of secret) {
      const res = await dataRequest(path, id);
      expect(res.status, path).toBe(200);
      expect((await res.json()).params, path).toEqual({ [id.split("$")[1]]: path.split("/")[2] });
    }
    expect(memoStats.calls - before).toBeGreaterThanOrEqual(secret.length);
    const kept = memoisedPaths();
    for (const [path] of secret)
      expect(
        kept.some((p) => p.toLowerCase() === path.toLowerCase()),
        path,
      ).toBe(false);
    expect(kept.some((p) => /^\/(b|t|unsubscribe)\//i.test(p))).toBe(false);
    expect(kept).toContain("/c/vinh-bao");
  });

  it(`keeps at most ${MAX_PATHS} paths, dropping the oldest`, async () => {
    for (let i = 0; i <= MAX_PATHS; i++) await dataRequest(`/c/commune-${i}`, "routes/c.$slug");
    const kept = memoisedPaths();
    expect(kept.length).toBe(MAX_PATHS);
    expect(kept).toContain(`/c/commune-${MAX_PATHS}`);
    expect(kept).not.toContain("/c/vinh-bao");
  });
});
