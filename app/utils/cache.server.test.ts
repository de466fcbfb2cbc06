import { describe, expect, it } from "vitest";
import { cachedByKey } from "./cache.server";

describe("cachedByKey", () => {
  it("computes a key once while the versions stay, and keeps at most `limit` keys", async () => {
    let computed = 0;
    const get = (key: string) => cachedByKey("test-keys", ["sessions"], key, async () => ++computed, 2);
    expect(await get("a")).toBe(1);
    expect(await get("a")).toBe(1); // kept
    expect(await get("b")).toBe(2);
    expect(await get("c")).toBe(3); // over the limit: computed, not kept
    expect(await get("c")).toBe(4);
    expect(await get("b")).toBe(2);
  });

  it("does not keep a failed computation", async () => {
    let calls = 0;
    const get = () =>
      cachedByKey("test-fail", ["sessions"], "k", async () => {
        calls++;
        if (calls === 1) throw new Error("database busy");
        return "ok";
      });
    await expect(get()).rejects.toThrow("database busy");
    expect(await get()).toBe("ok");
  });
});
