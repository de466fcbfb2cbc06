import { describe, expect, it } from "vitest";
import { jsonWithRows } from "./json-rows.server";

describe("jsonWithRows", () => {
  it("sends the same data as JSON.stringify, Vietnamese text and escapes included", async () => {
    const rows = [
      { name: "Vĩnh Bảo", share: 0.9123, note: 'a "quoted" </script>' },
      { name: "Tiên Lãng", share: null },
    ];
    const data = { rows, title: "Bảng điều khiển", nested: { a: [1, 2] } };
    const res = jsonWithRows(data, { headers: { "Cache-Control": "private, no-store" } });
    expect(res.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    expect(res.headers.get("Cache-Control")).toBe("private, no-store");
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(data)));
    expect(await jsonWithRows({ rows: [] }).json()).toEqual({ rows: [] });
  });

  it("makes a row's text once per row object: a changed row must be a new object", async () => {
    const row = { n: 1 };
    expect(await jsonWithRows({ rows: [row] }).json()).toEqual({ rows: [{ n: 1 }] });
    row.n = 2; // breaks the rule on purpose: the text made first is sent again
    expect(await jsonWithRows({ rows: [row] }).json()).toEqual({ rows: [{ n: 1 }] });
    expect(await jsonWithRows({ rows: [{ ...row }] }).json()).toEqual({ rows: [{ n: 2 }] });
  });
});
