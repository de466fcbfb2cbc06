// An Open311 GeoReport v2 client, as a civic app would be: finds the endpoint through service
// discovery, posts a service request with an API key, then reads it back in JSON and in XML
// (parsed with fast-xml-parser) and by token, and checks that the three agree.
//
//   npx tsx scripts/open311-client.ts --url http://localhost:3000 --key ntm_… [--commune vinh-bao]
//       [--service roads] [--email you@example.vn [--consent]] [--json]
// --consent: the resident ticked the app's own consent box (attribute[contact_consent]); without
// it the server files the report and keeps no contact (decision 037).
//
// Prints a table, or with --json one JSON object. Exits 1 when a check fails.
import { parseArgs } from "node:util";
import { XMLParser } from "fast-xml-parser";

const { values: args } = parseArgs({
  options: {
    url: { type: "string", default: "http://localhost:3000" },
    key: { type: "string", default: process.env.OPEN311_API_KEY },
    commune: { type: "string", default: "vinh-bao" },
    service: { type: "string", default: "roads" },
    email: { type: "string" },
    consent: { type: "boolean" },
    description: { type: "string", default: "Mặt đường trước cổng trường tiểu học bị lún, xe máy dễ ngã (thử Open311)." },
    json: { type: "boolean", default: false },
  },
});

type Row = Record<string, string | number | boolean | null>;
const xml = new XMLParser({ parseTagValue: false, isArray: (name) => ["request", "endpoint", "format", "error"].includes(name) });

async function fetchChecked(url: string, init?: RequestInit) {
  const res = await fetch(url, init);
  const type = res.headers.get("content-type") ?? "";
  const body = await res.text();
  if (!res.ok) throw new Error(`${init?.method ?? "GET"} ${url} -> ${res.status} ${body.slice(0, 300)}`);
  return { type, body };
}

async function main() {
  if (!args.key) throw new Error("an API key is needed: --key ntm_… (or OPEN311_API_KEY)");
  const base = args.url!.replace(/\/+$/, "");
  const discovery = JSON.parse((await fetchChecked(`${base}/open311/discovery.json`)).body) as {
    endpoints: { url: string; specification: string; formats: string[] }[];
  };
  const endpoint = discovery.endpoints.find((e) => e.specification.includes("GeoReport_v2"));
  if (!endpoint) throw new Error("no GeoReport v2 endpoint in discovery.json");
  const api = endpoint.url;

  const form = new URLSearchParams({
    api_key: args.key,
    service_code: args.service!,
    lat: "20.7125",
    long: "106.4811",
    description: args.description!,
    "attribute[commune]": args.commune!,
    ...(args.email ? { email: args.email } : {}),
    ...(args.consent ? { "attribute[contact_consent]": "true" } : {}),
  });
  const posted = await fetchChecked(`${api}/requests.json`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: form.toString(),
  });
  const [created] = JSON.parse(posted.body) as { service_request_id: string; token: string; service_notice: string }[];
  const id = created.service_request_id;

  const asJson = await fetchChecked(`${api}/requests/${id}.json`);
  const [fromJson] = JSON.parse(asJson.body) as Row[];
  const asXml = await fetchChecked(`${api}/requests/${id}.xml`);
  const parsedXml = xml.parse(asXml.body) as { service_requests: { request: Row[] } };
  const fromXml = parsedXml.service_requests.request[0];
  const byToken = JSON.parse((await fetchChecked(`${api}/tokens/${created.token}.json`)).body) as {
    service_request_id: string;
  }[];

  const fields = [
    "service_request_id",
    "status",
    "service_code",
    "description",
    "agency_responsible",
    "requested_datetime",
    "lat",
    "long",
  ];
  const checks = [
    {
      check: "discovery announces JSON and XML",
      ok: endpoint.formats.includes("application/json") && endpoint.formats.includes("text/xml"),
    },
    { check: "POST answered JSON with an id", ok: posted.type.startsWith("application/json") && /^\d+$/.test(id) },
    { check: "GET .json is application/json", ok: asJson.type.startsWith("application/json") },
    { check: "GET .xml is text/xml and parses", ok: asXml.type.startsWith("text/xml") && !!fromXml },
    { check: "status is open", ok: fromJson.status === "open" },
    { check: "description as posted", ok: fromJson.description === args.description },
    ...fields.map((f) => ({ check: `JSON and XML agree on ${f}`, ok: String(fromJson[f] ?? "") === String(fromXml?.[f] ?? "") })),
    { check: "token leads to the same id", ok: byToken[0]?.service_request_id === id },
  ];
  const ok = checks.every((c) => c.ok);
  if (args.json) {
    console.log(
      JSON.stringify({
        ok,
        endpoint: api,
        service_request_id: id,
        token: created.token,
        service_notice: created.service_notice,
        request: fromJson,
        checks,
      }),
    );
  } else {
    console.log(`Open311 endpoint: ${api}`);
    console.log(`Posted service_request_id ${id} (${created.service_notice})`);
    console.log("");
    console.log("check".padEnd(48) + "result");
    for (const c of checks) console.log(c.check.padEnd(48) + (c.ok ? "ok" : "FAILED"));
  }
  process.exit(ok ? 0 : 1);
}

main().catch((e) => {
  if (args.json) console.log(JSON.stringify({ ok: false, error: String(e instanceof Error ? e.message : e) }));
  else console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
