// Open311 responses: the format comes from the file extension (.json or .xml); XML is built by
// fast-xml-parser with the element names of the GeoReport v2 specification; errors are the
// specification's list of {code, description}, in the requested format, with that HTTP status.
import { XMLBuilder } from "fast-xml-parser";

export type Format = "json" | "xml";

/** "requests.json" -> { name: "requests", format: "json" }; null for anything else. */
export function parseFile(file: string | undefined): { name: string; format: Format } | null {
  const m = /^(.+)\.(json|xml)$/.exec(file ?? "");
  return m ? { name: m[1], format: m[2] as Format } : null;
}

const builder = new XMLBuilder({ format: true, indentBy: "  ", suppressEmptyNode: true });

/** JSON nulls become empty elements; arrays repeat the element; booleans and numbers as text. */
function forXml(value: unknown): unknown {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map(forXml);
  if (typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, forXml(v)]));
  return String(value);
}

const HEADERS: Record<Format, string> = { json: "application/json; charset=utf-8", xml: "text/xml; charset=utf-8" };

/**
 * One response in the requested format. `json` is what a JSON client gets; `xml` is the root
 * element name and the name each item of a list is wrapped in (services → service, …); `body`,
 * when the XML shape differs from the JSON one (lists inside an item).
 */
export function respond(
  format: Format,
  json: unknown,
  xml: { root: string; item?: string; body?: unknown },
  init: { status?: number; headers?: Record<string, string> } = {},
) {
  let body: string;
  if (format === "json") body = JSON.stringify(json);
  else {
    const source = xml.body ?? json;
    const content = xml.item ? { [xml.item]: forXml(source) } : forXml(source);
    body = `<?xml version="1.0" encoding="utf-8"?>\n${builder.build({ [xml.root]: content })}`;
  }
  return new Response(body, {
    status: init.status ?? 200,
    headers: {
      "Content-Type": HEADERS[format],
      "Access-Control-Allow-Origin": "*",
      "Cache-Control": "no-cache",
      ...init.headers,
    },
  });
}

/** The specification's error list: [{"code":400,"description":"…"}] or <errors><error>…. */
export function open311Error(format: Format, status: number, descriptions: string | string[], headers?: Record<string, string>) {
  const list = (Array.isArray(descriptions) ? descriptions : [descriptions]).map((description) => ({
    code: status,
    description,
  }));
  return respond(format, list, { root: "errors", item: "error" }, { status, headers });
}

/** For a URL without a known extension: the error in XML, the specification's required format. */
export function notFound(format: Format = "xml", what = "Not found") {
  return open311Error(format, 404, what);
}
