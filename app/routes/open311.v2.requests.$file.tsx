// Open311 one service request: /open311/v2/requests/{service_request_id}.{json,xml}.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getServiceRequest } from "~/models/open311.server";
import { notFound, open311Error, parseFile, respond } from "~/utils/open311.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const file = parseFile(params.file);
  if (!file) return notFound();
  // Ids are 32-bit: a larger one names no report (and would be refused by the database).
  const id = /^\d{1,10}$/.test(file.name) && Number(file.name) <= 2_147_483_647 ? Number(file.name) : null;
  const request = id ? await getServiceRequest({ id }) : null;
  if (!request) return open311Error(file.format, 404, "service_request_id not found");
  return respond(file.format, [request], { root: "service_requests", item: "request" });
}
