// Open311 token lookup: /open311/v2/tokens/{token}.{json,xml} gives the service_request_id of a
// request posted through the API (ours are created at once, so the id is always there).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getRequestIdByToken } from "~/models/open311.server";
import { notFound, open311Error, parseFile, respond } from "~/utils/open311.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const file = parseFile(params.file);
  if (!file) return notFound();
  const token = /^[A-Za-z0-9_-]{1,64}$/.test(file.name) ? file.name : null;
  const id = token ? await getRequestIdByToken({ token }) : null;
  if (!id) return open311Error(file.format, 404, "token not found");
  return respond(file.format, [{ service_request_id: id, token }], { root: "service_requests", item: "request" });
}
