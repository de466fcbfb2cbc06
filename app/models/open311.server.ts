// Open311 GeoReport v2: services (our report categories), service requests (complaints) as the
// specification names their fields, and posting one with an API key. What leaves here is public
// by construction: no contact, no tracking code, no internal note, no unapproved photo, the public
// (redacted) text, and the location rounded to about 100 m (docs/decisions/023).
import crypto from "node:crypto";
import type { Prisma } from "~/generated/prisma/client";
import { CATEGORIES, isOpen, OPEN_STATUSES, STATUSES, type Category, type Status } from "~/lib/complaint-workflow";
import { prisma } from "~/utils/db.server";
import { getFixedT } from "~/utils/i18n.server";
import { createComplaint } from "./complaint/filing.server";
import { getCommuneBySlug, listCommunes } from "./commune.server";
import { contactFields, publicUrl, trackingUrl } from "./outbox.server";
import { reportedSelect } from "./complaint/select.server";

export type Open311Status = "open" | "closed";
export const MAX_REQUESTS = 1000;
export const DEFAULT_WINDOW_DAYS = 90;

// Every status the workflow does not count as open (resolved, rejected, a merged duplicate).
const CLOSED: readonly Status[] = STATUSES.filter((s) => !isOpen(s));
const toOpen311Status = (s: Status): Open311Status => (CLOSED.includes(s) ? "closed" : "open");

/** W3C date-time in UTC, without milliseconds. */
const w3c = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");
const round = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);

export function isServiceCode(code: string): code is Category {
  return (CATEGORIES as readonly string[]).includes(code);
}

export function listServices() {
  const t = getFixedT("vi", "complaint");
  return CATEGORIES.map((code) => ({
    service_code: code,
    service_name: t(`category.${code}`),
    description: t(`category.${code}`),
    metadata: true,
    type: "realtime" as const,
    keywords: code,
    group: "nong-thon-moi",
  }));
}

/** The extra fields a request needs: the commune (required) and the village (optional). */
export async function serviceDefinition(code: Category) {
  const communes = await listCommunes(); // in the communes' own order
  const kind = getFixedT("vi", "common");
  return {
    service_code: code,
    attributes: [
      {
        variable: true,
        code: "commune",
        datatype: "singlevaluelist",
        required: true,
        datatype_description: "Mã xã, phường, đặc khu (key trong danh sách)",
        order: 1,
        description: "Xã, phường hoặc đặc khu nơi xảy ra sự việc",
        values: communes.map((c) => ({ key: c.slug, name: `${kind(`kind.${c.kind}`)} ${c.name}` })),
      },
      {
        variable: true,
        code: "village",
        datatype: "string",
        required: false,
        datatype_description: "Tối đa 100 ký tự",
        order: 2,
        description: "Thôn, khu dân cư",
        values: [],
      },
      {
        variable: true,
        code: "contact_consent",
        datatype: "singlevaluelist",
        required: false,
        datatype_description:
          "true: người dân đã đánh dấu đồng ý (không đánh dấu sẵn); thiếu hoặc false: email, phone không được lưu",
        order: 3,
        description: getFixedT("vi", "privacy")("notice.text"),
        values: [
          { key: "true", name: "Đồng ý được liên hệ" },
          { key: "false", name: "Không đồng ý" },
        ],
      },
    ],
  };
}

const requestSelect = {
  id: true,
  category: true,
  ...reportedSelect,
  status: true,
  createdAt: true,
  commune: { select: { name: true, kind: true } },
  photos: { where: { approved: true }, select: { id: true }, orderBy: { id: "asc" }, take: 1 },
  events: {
    where: { public: true },
    select: { kind: true, body: true, createdAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  },
} satisfies Prisma.ComplaintSelect;

type RequestRow = Prisma.ComplaintGetPayload<{ select: typeof requestSelect }>;

function toServiceRequest(row: RequestRow) {
  const t = getFixedT("vi", "complaint");
  const kind = getFixedT("vi", "common");
  const commune = `${kind(`kind.${row.commune.kind}`)} ${row.commune.name}`;
  const lastReply = row.events.find((e) => e.kind === "reply");
  const category = row.category;
  return {
    service_request_id: String(row.id),
    status: toOpen311Status(row.status),
    status_notes: lastReply?.body ?? null,
    service_name: t(`category.${category}`),
    service_code: category,
    description: row.publicText ?? row.text,
    agency_responsible: `UBND ${commune}`,
    service_notice: null,
    requested_datetime: w3c(row.createdAt),
    updated_datetime: w3c(row.events[0]?.createdAt ?? row.createdAt),
    expected_datetime: null,
    address: row.village ? `${row.village}, ${commune}` : commune,
    address_id: null,
    zipcode: null,
    lat: round(row.latitude),
    long: round(row.longitude),
    media_url: row.photos[0] ? `${publicUrl()}/photos/${row.photos[0].id}` : null,
  };
}

export type ServiceRequest = ReturnType<typeof toServiceRequest>;

export type RequestQuery = {
  ids?: number[];
  serviceCodes?: Category[];
  start?: Date;
  end?: Date;
  statuses?: Open311Status[];
  now?: Date;
};

/**
 * GET requests: by ids (the other filters are then ignored, as the specification says), or by
 * service, status and dates; without dates, the last 90 days. Newest first, at most 1,000.
 */
export async function listServiceRequests(q: RequestQuery): Promise<ServiceRequest[]> {
  let where: Prisma.ComplaintWhereInput;
  if (q.ids?.length) where = { id: { in: q.ids } };
  else {
    const now = q.now ?? new Date();
    const start = q.start ?? (q.end ? undefined : new Date(now.getTime() - DEFAULT_WINDOW_DAYS * 86_400_000));
    const statuses = q.statuses?.length
      ? q.statuses.flatMap((s) => (s === "closed" ? [...CLOSED] : [...OPEN_STATUSES]))
      : undefined;
    where = {
      ...(q.serviceCodes?.length ? { category: { in: q.serviceCodes } } : {}),
      ...(statuses ? { status: { in: statuses } } : {}),
      createdAt: { ...(start ? { gte: start } : {}), ...(q.end ? { lte: q.end } : {}) },
    };
  }
  const rows = await prisma.complaint.findMany({
    where,
    select: requestSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: MAX_REQUESTS,
  });
  return rows.map(toServiceRequest);
}

export async function getServiceRequest({ id }: { id: number }) {
  const row = await prisma.complaint.findUnique({ where: { id }, select: requestSelect });
  return row ? toServiceRequest(row) : null;
}

export async function getRequestIdByToken({ token }: { token: string }) {
  const row = await prisma.open311Submission.findUnique({ where: { token }, select: { complaintId: true } });
  return row ? String(row.complaintId) : null;
}

export type NewServiceRequest = {
  apiKeyId: number;
  serviceCode: Category;
  communeSlug: string;
  description: string;
  village: string | null;
  latitude: number | null;
  longitude: number | null;
  email: string | null;
  phone: string | null;
  /** the resident ticked consent to being contacted; without it email and phone are not stored */
  consent: boolean;
  ipHash: string | null;
};

/** POST a request: the same write path as the web form (createComplaint), plus the key and token. */
export async function createServiceRequest(input: NewServiceRequest) {
  const commune = await getCommuneBySlug({ slug: input.communeSlug });
  if (!commune) return { ok: false as const, reason: "unknownCommune" as const };
  const token = crypto.randomBytes(16).toString("base64url");
  const { id, code } = await createComplaint({
    communeId: commune.id,
    category: input.serviceCode,
    text: input.description,
    village: input.village,
    latitude: input.latitude,
    longitude: input.longitude,
    ...contactFields({ email: input.email, phone: input.phone }),
    consent: input.consent ? "open311" : null,
    ipHash: input.ipHash,
    open311: { apiKeyId: input.apiKeyId, token },
  });
  await prisma.apiKey.update({ where: { id: input.apiKeyId }, data: { lastUsedAt: new Date() } });
  return { ok: true as const, id: String(id), token, trackingUrl: trackingUrl(code), code };
}
