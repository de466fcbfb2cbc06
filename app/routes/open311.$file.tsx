// Open311 service discovery: /open311/discovery.json and /open311/discovery.xml announce the
// GeoReport v2 endpoint, its formats and how to get an API key.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicUrl } from "~/models/outbox.server";
import { notFound, parseFile, respond } from "~/utils/open311.server";

/** When the endpoint last changed in a way clients should notice. */
const CHANGESET = "2026-11-27T00:00:00Z";
const FORMATS = ["text/xml", "application/json"];

export async function loader({ params }: LoaderFunctionArgs) {
  const file = parseFile(params.file);
  if (!file || file.name !== "discovery") return notFound(file?.format);
  const base = publicUrl();
  const common = {
    changeset: CHANGESET,
    contact: `Văn phòng Điều phối Nông thôn mới thành phố Hải Phòng, ${base}`,
    key_service: `API keys are issued by the site administrator (${base}/staff/api-keys); ask the city's New Rural Development office.`,
  };
  const endpoint = {
    specification: "http://wiki.open311.org/GeoReport_v2",
    url: `${base}/open311/v2`,
    changeset: CHANGESET,
    type: "production",
  };
  return respond(
    file.format,
    { ...common, endpoints: [{ ...endpoint, formats: FORMATS }] },
    { root: "discovery", body: { ...common, endpoints: { endpoint: { ...endpoint, formats: { format: FORMATS } } } } },
  );
}
