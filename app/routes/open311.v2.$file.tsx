// Open311 GeoReport v2 collections: GET /open311/v2/services.{json,xml}, GET requests.{json,xml}
// with the specification's filters, and POST requests.{json,xml} with an administrator-issued
// api_key (rate-limited per key). No cookies are involved, so there is no cross-site check: the
// key is the credential. Errors are the specification's list, and nothing is written on any error.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { COMPLAINT_TEXT_MAX, COMPLAINT_TEXT_MIN } from "~/lib/complaint-workflow";
import { EMAIL_MAX, isEmail, normalisePhone, PHONE_MAX } from "~/lib/contact";
import { verifyApiKey } from "~/models/api-key.server";
import {
  createServiceRequest,
  isServiceCode,
  listServiceRequests,
  listServices,
  type Open311Status,
  type RequestQuery,
} from "~/models/open311.server";
import { keyedHash } from "~/utils/hash.server";
import { notFound, open311Error, parseFile, respond, type Format } from "~/utils/open311.server";
import { takeToken } from "~/utils/rate-limit.server";
import { readUrlEncodedForm } from "~/utils/request.server";
import { optionalNumber, z } from "~/forms/validation.server";

const W3C_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2}))?$/;

const text = (max: number, name: string) =>
  z
    .string()
    .transform((s) => s.normalize("NFC").trim())
    .pipe(z.string().max(max, { error: `${name} must be at most ${max} characters` }))
    .optional()
    .transform((s) => s || null);
const coordinate = (min: number, max: number, name: string) =>
  optionalNumber(min, max, `${name} must be a number from ${min} to ${max}`);

/** POST requests: the specification's fields; others (first_name, device_id, media_url…) are ignored. */
const PostRequestSchema = z
  .object({
    service_code: z.string({ error: "service_code is required" }).refine(isServiceCode, { error: "service_code not found" }),
    lat: coordinate(-90, 90, "lat"),
    long: coordinate(-180, 180, "long"),
    address_string: text(100, "address_string"),
    description: z
      .string({ error: "description is required" })
      .transform((s) => s.normalize("NFC").trim())
      .pipe(
        z
          .string()
          .min(COMPLAINT_TEXT_MIN, { error: `description must be at least ${COMPLAINT_TEXT_MIN} characters` })
          .max(COMPLAINT_TEXT_MAX, { error: `description must be at most ${COMPLAINT_TEXT_MAX} characters` }),
      ),
    "attribute[commune]": z.string({ error: "attribute[commune] is required (see services/{service_code}.json)" }).max(100),
    "attribute[village]": text(100, "attribute[village]"),
    // The rule of the report form (~/lib/contact), with the specification's English errors.
    email: text(EMAIL_MAX, "email").refine((e) => e === null || isEmail(e), { error: "email is not valid" }),
    phone: text(PHONE_MAX, "phone").refine((p) => p === null || normalisePhone(p) !== null, { error: "phone is not valid" }),
    // The resident's consent to being contacted (the notice is in services/{code}.json); without
    // "true" the request is stored without email and phone (decision 037).
    "attribute[contact_consent]": z
      .enum(["true", "false"], { error: "attribute[contact_consent] must be true or false" })
      .optional(),
  })
  .refine((d) => (d.lat === null) === (d.long === null), { error: "lat and long must be given together" })
  .refine((d) => d.lat !== null || d.address_string !== null, {
    error: "lat/long or address_string is required (address_id is not supported)",
  });

/** Ids per query (each one a parameter of one SQL statement), and the largest id a report can have (a 32-bit column). */
const MAX_IDS = 200;
const MAX_ID = 2_147_483_647;

function parseQuery(params: URLSearchParams): { ok: true; query: RequestQuery } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const list = (name: string) =>
    (params.get(name) ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  const ids = list("service_request_id");
  if (ids.some((id) => !/^\d{1,12}$/.test(id))) errors.push("service_request_id must be ids separated by commas");
  else if (ids.length > MAX_IDS || ids.some((id) => Number(id) < 1 || Number(id) > MAX_ID))
    errors.push(`service_request_id must be at most ${MAX_IDS} ids (1 to ${MAX_ID}) separated by commas`);
  const codes = list("service_code");
  if (!codes.every(isServiceCode)) errors.push("service_code not found");
  const statuses = list("status");
  if (statuses.some((s) => s !== "open" && s !== "closed")) errors.push("status must be open or closed");
  const date = (name: string) => {
    const raw = params.get(name);
    if (!raw) return undefined;
    const d = new Date(raw);
    if (!W3C_DATE.test(raw) || Number.isNaN(d.getTime()))
      errors.push(`${name} must be a W3C date-time, e.g. 2026-11-27T08:00:00+07:00`);
    return d;
  };
  const start = date("start_date");
  const end = date("end_date");
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    query: {
      ids: ids.map(Number),
      serviceCodes: codes.filter(isServiceCode),
      statuses: statuses as Open311Status[],
      start,
      end,
    },
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const file = parseFile(params.file);
  if (!file) return notFound();
  if (file.name === "services") return respond(file.format, listServices(), { root: "services", item: "service" });
  if (file.name !== "requests") return notFound(file.format);
  const parsed = parseQuery(new URL(request.url).searchParams);
  if (!parsed.ok) return open311Error(file.format, 400, parsed.errors);
  const requests = await listServiceRequests(parsed.query);
  return respond(file.format, requests, { root: "service_requests", item: "request" });
}

const MAX_BODY = 256 * 1024;

export async function action({ request, params, context }: ActionFunctionArgs) {
  const file = parseFile(params.file);
  if (!file) return notFound();
  if (file.name !== "requests" || request.method !== "POST")
    return open311Error(file.format, 405, "Method not allowed", { Allow: "GET" });
  return postRequest(request, file.format, context.clientIp ?? "unknown");
}

async function postRequest(request: Request, format: Format, clientIp: string) {
  const body = await readUrlEncodedForm(request, MAX_BODY);
  if (!body.ok)
    return open311Error(
      format,
      400,
      body.error === "tooLarge" ? "request body too large" : "Content-Type must be application/x-www-form-urlencoded",
    );
  const form = body.form;
  const key = await verifyApiKey({ key: form.get("api_key") ?? "" });
  if (!key) return open311Error(format, 403, "api_key is missing or not valid");
  if (!(await takeToken("open311", `key:${key.id}`)))
    return open311Error(format, 429, "too many requests for this api_key; try again later", { "Retry-After": "3600" });

  const raw: Record<string, string> = {};
  for (const name of new Set(form.keys())) {
    const values = form.getAll(name);
    if (values.length > 1) return open311Error(format, 400, `${name.slice(0, 40)} was sent more than once`);
    raw[name] = values[0];
  }
  const result = PostRequestSchema.safeParse(raw);
  if (!result.success) return open311Error(format, 400, [...new Set(result.error.issues.map((i) => i.message))]);
  const d = result.data;
  const created = await createServiceRequest({
    apiKeyId: key.id,
    serviceCode: d.service_code as Parameters<typeof createServiceRequest>[0]["serviceCode"],
    communeSlug: d["attribute[commune]"],
    description: d.description,
    village: d["attribute[village]"] ?? d.address_string,
    latitude: d.lat,
    longitude: d.long,
    email: d.email,
    phone: d.phone,
    consent: d["attribute[contact_consent]"] === "true",
    ipHash: keyedHash("ip", clientIp),
  });
  if (!created.ok) return open311Error(format, 400, "attribute[commune] not found (see services/{service_code}.json)");
  return respond(
    format,
    [
      {
        service_request_id: created.id,
        token: created.token,
        service_notice: `Mã theo dõi (tracking code) ${created.code}: ${created.trackingUrl}`,
        account_id: null,
      },
    ],
    { root: "service_requests", item: "request" },
    { status: 201 },
  );
}
