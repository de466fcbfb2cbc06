// Open311 service definition: /open311/v2/services/{service_code}.{json,xml}, the extra
// attributes a request of that service takes (the commune, required; the village).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { isServiceCode, serviceDefinition } from "~/models/open311.server";
import { notFound, open311Error, parseFile, respond } from "~/utils/open311.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const file = parseFile(params.file);
  if (!file) return notFound();
  if (!isServiceCode(file.name)) return open311Error(file.format, 404, `service_code ${file.name.slice(0, 40)} not found`);
  const def = await serviceDefinition(file.name);
  return respond(file.format, def, {
    root: "service_definition",
    body: {
      service_code: def.service_code,
      attributes: { attribute: def.attributes.map((a) => ({ ...a, values: a.values.length ? { value: a.values } : "" })) },
    },
  });
}
