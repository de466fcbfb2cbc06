// Open311 GeoReport v2 through the real routes and database: discovery, services, posting with an
// administrator's key, reading back in JSON and XML (parsed), the specification's filters and
// errors, nothing written on bad input, and nothing private ever in an answer.
import { XMLParser } from "fast-xml-parser";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.OPEN311_RATE_LIMIT_PER_HOUR = "5";
});

import { loader as discoveryLoader } from "~/routes/open311.$file";
import { action as collectionAction, loader as collectionLoader } from "~/routes/open311.v2.$file";
import { loader as serviceLoader } from "~/routes/open311.v2.services.$file";
import { loader as requestLoader } from "~/routes/open311.v2.requests.$file";
import { loader as tokenLoader } from "~/routes/open311.v2.tokens.$file";
import { action as keysAction, loader as keysLoader } from "~/routes/staff.api-keys";
import { addStaffMessage, moveComplaint } from "~/models/complaint/workflow.server";
import { createComplaint } from "~/models/complaint/filing.server";
import { redactComplaint } from "~/models/complaint/photos.server";
import { issueApiKey } from "~/models/api-key.server";
import { prisma } from "~/utils/db.server";
import { context, formRequest, getRequest, ORIGIN, settle } from "../fixtures/http";
import { createStaff, signIn } from "../fixtures/staff";

const xml = new XMLParser({
  isArray: (name) => ["service", "request", "error", "endpoint", "format", "attribute", "value"].includes(name),
});
let admin: { id: number; cookie: string };

async function get(loader: typeof collectionLoader, path: string, file: string) {
  return settle(() => loader({ request: getRequest(path), params: { file }, context: context() }));
}

const newKey = async () => (await issueApiKey({ name: "Ứng dụng thử", createdById: admin.id })).key;

function post(file: string, fields: Record<string, string>, contentType = "application/x-www-form-urlencoded") {
  const request = new Request(`${ORIGIN}/open311/v2/${file}`, {
    method: "POST",
    headers: { "Content-Type": contentType },
    body: new URLSearchParams(fields).toString(),
  });
  return settle(() => collectionAction({ request, params: { file }, context: context("192.0.2.77") }));
}

const valid = {
  service_code: "roads",
  lat: "20.712345",
  long: "106.481234",
  description: "Cống thoát nước trước nhà văn hóa thôn bị sập, nước tràn ra đường.",
  "attribute[commune]": "vinh-bao",
  "attribute[village]": "Thôn Đông",
  email: "nguoi.gui@example.vn",
  phone: "0987 654 321",
  "attribute[contact_consent]": "true",
  first_name: "Lan",
};

const written = async () => ({
  complaints: await prisma.complaint.count(),
  outbox: await prisma.outboxMessage.count(),
  subscriptions: await prisma.subscription.count(),
  submissions: await prisma.open311Submission.count(),
});

beforeAll(async () => {
  const u = await createStaff("admin");
  admin = { id: u.id, cookie: await signIn(u.email) };
});

beforeEach(async () => {
  await prisma.complaint.deleteMany();
});

describe("discovery and services", () => {
  it("announces the v2 endpoint and its formats in JSON and XML", async () => {
    const j = await get(discoveryLoader, "/open311/discovery.json", "discovery.json");
    expect(j.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    const d = await j.json();
    expect(d.endpoints).toEqual([
      expect.objectContaining({
        specification: "http://wiki.open311.org/GeoReport_v2",
        url: "http://localhost:3000/open311/v2",
        type: "production",
        formats: ["text/xml", "application/json"],
      }),
    ]);
    expect(d).toHaveProperty("key_service");
    const x = await get(discoveryLoader, "/open311/discovery.xml", "discovery.xml");
    expect(x.headers.get("Content-Type")).toBe("text/xml; charset=utf-8");
    const body = await x.text();
    expect(body.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    const parsed = xml.parse(body);
    expect(parsed.discovery.endpoints.endpoint[0].url).toBe("http://localhost:3000/open311/v2");
    expect(parsed.discovery.endpoints.endpoint[0].formats.format).toEqual(["text/xml", "application/json"]);
    expect((await get(discoveryLoader, "/open311/discovery.html", "discovery.html")).status).toBe(404);
  });

  it("lists the services and defines each one's attributes (the commune is required)", async () => {
    const services = await (await get(collectionLoader, "/open311/v2/services.json", "services.json")).json();
    expect(services.map((s: { service_code: string }) => s.service_code)).toEqual([
      "roads",
      "environment",
      "water",
      "security",
      "other",
    ]);
    expect(services[0]).toEqual({
      service_code: "roads",
      service_name: "Giao thông",
      description: "Giao thông",
      metadata: true,
      type: "realtime",
      keywords: "roads",
      group: "nong-thon-moi",
    });
    const sx = xml.parse(await (await get(collectionLoader, "/open311/v2/services.xml", "services.xml")).text());
    expect(sx.services.service).toHaveLength(5);
    expect(sx.services.service[2].service_name).toBe("Nước sinh hoạt");

    const def = await (await get(serviceLoader, "/open311/v2/services/roads.json", "roads.json")).json();
    expect(def.service_code).toBe("roads");
    const commune = def.attributes.find((a: { code: string }) => a.code === "commune");
    expect(commune).toMatchObject({ variable: true, datatype: "singlevaluelist", required: true, order: 1 });
    expect(commune.values).toContainEqual({ key: "vinh-bao", name: "Xã Vĩnh Bảo" });
    const dx = xml.parse(await (await get(serviceLoader, "/open311/v2/services/roads.xml", "roads.xml")).text());
    expect(dx.service_definition.attributes.attribute[0].values.value.length).toBe(commune.values.length);

    const unknown = await get(serviceLoader, "/open311/v2/services/schools.json", "schools.json");
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual([{ code: 404, description: "service_code schools not found" }]);
  });
});

describe("posting a request and reading it back", () => {
  it("creates a report through the same write path as the form, readable in JSON, XML and by token", async () => {
    const key = await newKey();
    const res = await post("requests.json", { ...valid, api_key: key });
    expect(res.status).toBe(201);
    expect(res.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    const [created] = await res.json();
    expect(created).toEqual({
      service_request_id: expect.stringMatching(/^\d+$/),
      token: expect.any(String),
      service_notice: expect.stringMatching(
        /^Mã theo dõi \(tracking code\) [A-Z2-9]{5}-[A-Z2-9]{5}: http:\/\/localhost:3000\/t\//,
      ),
      account_id: null,
    });
    const row = await prisma.complaint.findUniqueOrThrow({
      where: { id: Number(created.service_request_id) },
      include: { subscriptions: true, events: true },
    });
    expect(row).toMatchObject({ category: "roads", village: "Thôn Đông", latitude: 20.712345, status: "new" });
    expect(row.subscriptions[0]).toMatchObject({ email: "nguoi.gui@example.vn", phone: "0987654321" });
    expect(row.events.map((e) => e.kind)).toEqual(["filed"]);

    const one = await get(
      requestLoader,
      `/open311/v2/requests/${created.service_request_id}.json`,
      `${created.service_request_id}.json`,
    );
    const [sr] = await one.json();
    expect(sr).toEqual({
      service_request_id: created.service_request_id,
      status: "open",
      status_notes: null,
      service_name: "Giao thông",
      service_code: "roads",
      description: valid.description,
      agency_responsible: "UBND Xã Vĩnh Bảo",
      service_notice: null,
      requested_datetime: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
      updated_datetime: expect.stringMatching(/Z$/),
      expected_datetime: null,
      address: "Thôn Đông, Xã Vĩnh Bảo",
      address_id: null,
      zipcode: null,
      lat: 20.712,
      long: 106.481,
      media_url: null,
    });
    const ox = xml.parse(
      await (
        await get(requestLoader, `/open311/v2/requests/${created.service_request_id}.xml`, `${created.service_request_id}.xml`)
      ).text(),
    );
    expect(ox.service_requests.request[0]).toMatchObject({
      service_request_id: Number(created.service_request_id),
      status: "open",
      service_code: "roads",
    });

    const tok = await (await get(tokenLoader, `/open311/v2/tokens/${created.token}.json`, `${created.token}.json`)).json();
    expect(tok).toEqual([{ service_request_id: created.service_request_id, token: created.token }]);
    expect((await get(tokenLoader, "/open311/v2/tokens/nope.json", "nope.json")).status).toBe(404);
    expect((await get(requestLoader, "/open311/v2/requests/999999.json", "999999.json")).status).toBe(404);

    // XML posting answers in XML.
    const rx = await post("requests.xml", { ...valid, api_key: key, lat: "", long: "", address_string: "Cổng chợ Đông" });
    expect(rx.status).toBe(201);
    expect(rx.headers.get("Content-Type")).toBe("text/xml; charset=utf-8");
    expect(xml.parse(await rx.text()).service_requests.request[0].service_request_id).toBeGreaterThan(0);
  });

  it("never shows contacts, tracking codes, internal notes, unapproved photos or redacted text", async () => {
    const official = await createStaff("official", ["vinh-bao"]);
    const { id, code } = await createComplaint({
      communeId: (await prisma.commune.findUniqueOrThrow({ where: { slug: "vinh-bao" } })).id,
      category: "environment",
      text: "Ông Nguyễn Văn A số 0911222333 đổ rác ra mương.",
      contact: "0911 222 333",
      notify: { email: "bi.mat@example.vn", phone: "0911222333" },
      consent: "open311",
      latitude: 20.7,
      longitude: 106.4,
      photos: [{ fileName: "x.jpg", width: 10, height: 10, bytes: 100 }],
    });
    await addStaffMessage({ id, actorId: official.id, body: "GHI CHÚ NỘI BỘ", visibility: "internal" });
    await redactComplaint({ id, actorId: official.id, publicText: "Có người đổ rác ra mương." });
    await moveComplaint({ id, actorId: official.id, to: "acknowledged", reply: null });
    await moveComplaint({ id, actorId: official.id, to: "resolved", reply: "Đã dọn mương." });
    for (const format of ["json", "xml"]) {
      const all = await (await get(collectionLoader, `/open311/v2/requests.${format}`, `requests.${format}`)).text();
      const one = await (await get(requestLoader, `/open311/v2/requests/${id}.${format}`, `${id}.${format}`)).text();
      for (const body of [all, one]) {
        expect(body).toContain("Có người đổ rác ra mương.");
        expect(body).toContain("Đã dọn mương.");
        for (const secret of ["0911", "bi.mat", "Nguyễn Văn A", "GHI CHÚ", code, "x.jpg", "/photos/"])
          expect(body).not.toContain(secret);
      }
    }
    const [sr] = await (await get(requestLoader, `/open311/v2/requests/${id}.json`, `${id}.json`)).json();
    expect(sr).toMatchObject({ status: "closed", status_notes: "Đã dọn mương." });
  });

  it("filters by the specification's parameters", async () => {
    const communeId = (await prisma.commune.findUniqueOrThrow({ where: { slug: "vinh-bao" } })).id;
    const official = await createStaff("official", ["vinh-bao"]);
    const mk = (category: "roads" | "water", createdAt: Date) =>
      createComplaint({ communeId, category, text: "Một phản ánh để thử bộ lọc.", createdAt });
    const now = Date.now();
    const a = await mk("roads", new Date(now - 2 * 86_400_000));
    const b = await mk("water", new Date(now - 86_400_000));
    const old = await mk("water", new Date(now - 200 * 86_400_000));
    await moveComplaint({ id: b.id, actorId: official.id, to: "rejected", reply: "Trùng phản ánh khác." });
    const ids = async (query: string) =>
      (await (await get(collectionLoader, `/open311/v2/requests.json?${query}`, "requests.json")).json()).map(
        (r: { service_request_id: string }) => Number(r.service_request_id),
      );
    expect(await ids("")).toEqual([b.id, a.id]); // last 90 days by default, newest first
    expect(await ids("service_code=water")).toEqual([b.id]);
    expect(await ids("status=open")).toEqual([a.id]);
    expect(await ids("status=closed")).toEqual([b.id]);
    expect(await ids(`start_date=${new Date(now - 300 * 86_400_000).toISOString()}&service_code=water`)).toEqual([b.id, old.id]);
    expect(await ids(`end_date=${encodeURIComponent(new Date(now - 100 * 86_400_000).toISOString())}`)).toEqual([old.id]);
    expect(await ids(`service_request_id=${old.id},${a.id}&service_code=water`)).toEqual([a.id, old.id]);

    for (const [query, description] of [
      ["status=pending", "status must be open or closed"],
      ["start_date=yesterday", "start_date must be a W3C date-time, e.g. 2026-11-27T08:00:00+07:00"],
      ["service_code=schools", "service_code not found"],
      ["service_request_id=1;DROP", "service_request_id must be ids separated by commas"],
    ]) {
      const res = await get(collectionLoader, `/open311/v2/requests.json?${query}`, "requests.json");
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual([{ code: 400, description }]);
    }
  });
});

describe("service_request_id lists", () => {
  const query = (ids: string[]) =>
    get(collectionLoader, `/open311/v2/requests.json?service_request_id=${ids.join(",")}`, "requests.json");
  it("answers a list up to the cap, and 400 with the cap beyond it or for ids no report can have, never 500", async () => {
    const atCap = await query(Array.from({ length: 200 }, (_, i) => String(i + 1)));
    expect(atCap.status).toBe(200);
    for (const ids of [
      Array.from({ length: 201 }, (_, i) => String(i + 1)),
      Array.from({ length: 1000 }, (_, i) => String(i + 1)),
      ["999999999999"],
      ["2147483648"],
    ]) {
      const res = await query(ids);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual([
        { code: 400, description: "service_request_id must be at most 200 ids (1 to 2147483647) separated by commas" },
      ]);
    }
  });
});

describe("bad input: the specification's error format and status, nothing written", () => {
  it.each([
    ["an unknown service code", { service_code: "schools" }, 400, "service_code not found"],
    ["no location", { lat: "", long: "" }, 400, "lat/long or address_string is required (address_id is not supported)"],
    ["only a latitude", { long: "" }, 400, "lat and long must be given together"],
    ["a latitude out of range", { lat: "123" }, 400, "lat must be a number from -90 to 90"],
    ["a 10,000-character description", { description: "đ".repeat(10_000) }, 400, "description must be at most 2000 characters"],
    ["no description", { description: "" }, 400, "description must be at least 10 characters"],
    ["no commune", { "attribute[commune]": undefined }, 400, "attribute[commune] is required (see services/{service_code}.json)"],
    [
      "an unknown commune",
      { "attribute[commune]": "atlantis" },
      400,
      "attribute[commune] not found (see services/{service_code}.json)",
    ],
    ["a bad e-mail", { email: "a@b" }, 400, "email is not valid"],
    ["a wrong api key", { api_key: "ntm_wrong" }, 403, "api_key is missing or not valid"],
    ["no api key", { api_key: undefined }, 403, "api_key is missing or not valid"],
  ])("refuses %s", async (_, change, status, description) => {
    const before = await written();
    const fields: Record<string, string> = { ...valid, api_key: await newKey() };
    for (const [k, v] of Object.entries(change)) {
      if (v === undefined) delete fields[k];
      else fields[k] = v;
    }
    for (const format of ["json", "xml"] as const) {
      const res = await post(`requests.${format}`, fields);
      expect(res.status).toBe(status);
      if (format === "json") {
        expect(res.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
        expect(await res.json()).toEqual([{ code: status, description }]);
      } else {
        expect(res.headers.get("Content-Type")).toBe("text/xml; charset=utf-8");
        expect(xml.parse(await res.text())).toEqual({ "?xml": "", errors: { error: [{ code: status, description }] } });
      }
    }
    expect(await written()).toEqual(before);
  });

  it("refuses a body that is not a form, a parameter sent twice, and a revoked key", async () => {
    const key = await newKey();
    const before = await written();
    const json = await post("requests.json", { ...valid, api_key: key }, "application/json");
    expect(json.status).toBe(400);
    expect(await json.json()).toEqual([{ code: 400, description: "Content-Type must be application/x-www-form-urlencoded" }]);
    const twice = new URLSearchParams({ ...valid, api_key: key });
    twice.append("service_code", "water");
    const req = new Request(`${ORIGIN}/open311/v2/requests.json`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: twice.toString(),
    });
    const dup = await settle(() => collectionAction({ request: req, params: { file: "requests.json" }, context: context() }));
    expect(dup.status).toBe(400);

    const last = await prisma.apiKey.findFirstOrThrow({ orderBy: { id: "desc" } });
    const revoked = await settle(() =>
      keysAction({
        request: formRequest("/staff/api-keys", { intent: "revoke", id: String(last.id) }, { cookie: admin.cookie }),
        params: {},
        context: context(),
      }),
    );
    expect(revoked.status).toBe(303);
    expect((await post("requests.json", { ...valid, api_key: key })).status).toBe(403);
    expect(await written()).toEqual(before);
  });

  it("limits requests per key (OPEN311_RATE_LIMIT_PER_HOUR) with 429 in the same format", async () => {
    const key = await newKey();
    for (let i = 0; i < 5; i++) expect((await post("requests.json", { ...valid, api_key: key })).status).toBe(201);
    const before = await written();
    const res = await post("requests.xml", { ...valid, api_key: key });
    expect(res.status).toBe(429);
    expect(xml.parse(await res.text()).errors.error[0].code).toBe(429);
    expect(await written()).toEqual(before);
    // Another client's key is not affected.
    expect((await post("requests.json", { ...valid, api_key: await newKey() })).status).toBe(201);
  });
});

describe("the administrator's key page", () => {
  it("issues a key shown once, lists it by prefix only, and is for administrators only", async () => {
    const res = await settle(() =>
      keysAction({
        request: formRequest("/staff/api-keys", { intent: "issue", name: "Ứng dụng Hải Phòng Smart" }, { cookie: admin.cookie }),
        params: {},
        context: context(),
      }),
    );
    expect(res.status).toBe(200);
    const { issued } = await res.json();
    expect(issued.key).toMatch(/^ntm_[A-Za-z0-9_-]{32}$/);
    const list = await settle(() =>
      keysLoader({ request: getRequest("/staff/api-keys", { cookie: admin.cookie }), params: {}, context: context() }),
    );
    const body = await list.text();
    expect(body).toContain("Ứng dụng Hải Phòng Smart");
    expect(body).toContain(issued.key.slice(0, 10));
    expect(body).not.toContain(issued.key);
    expect(await prisma.apiKey.count({ where: { keyHash: { contains: issued.key } } })).toBe(0);
    // It works for posting.
    expect((await post("requests.json", { ...valid, api_key: issued.key })).status).toBe(201);

    const official = await createStaff("official", ["vinh-bao"]);
    const cookie = await signIn(official.email);
    const denied = await settle(() =>
      keysLoader({ request: getRequest("/staff/api-keys", { cookie }), params: {}, context: context() }),
    );
    expect(denied.status).toBe(403);
    const forged = await settle(() =>
      keysAction({
        request: formRequest(
          "/staff/api-keys",
          { intent: "issue", name: "x" },
          { cookie: admin.cookie, origin: "https://evil.example" },
        ),
        params: {},
        context: context(),
      }),
    );
    expect(forged.status).toBe(403);
    const empty = await settle(() =>
      keysAction({
        request: formRequest("/staff/api-keys", { intent: "issue", name: " " }, { cookie: admin.cookie }),
        params: {},
        context: context(),
      }),
    );
    expect(empty.status).toBe(400);
    expect((await empty.json()).fieldErrors.name).toBe("apiKeys.nameRequired");
  });
});
