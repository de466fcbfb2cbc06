// Notifications to residents against a real SMTP server (smtp-server on 127.0.0.1) and the real
// database: the message is written with the change, sent by the worker with the tracking link,
// retried while SMTP is down, stopped by the link in the message, and never sent twice.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { action as reportAction } from "~/routes/c.$slug.report";
import { action as staffAction } from "~/routes/staff.complaints.$id";
import { loader as trackLoader } from "~/routes/t.$code";
import { action as stopAction, loader as stopLoader } from "~/routes/unsubscribe.$token";
import { moveComplaint, reopenComplaint } from "~/models/complaint/workflow.server";
import { retryDelay } from "~/models/outbox-lease.server";
import { stopUrl, trackingUrl } from "~/models/outbox.server";
import { prisma } from "~/utils/db.server";
import { createMailer } from "~/utils/mailer.server";
import { startOutboxWorker, type OutboxWorker } from "~/services/outbox-worker.server";
import { LogSmsGateway } from "~/utils/sms.server";
import { context, formRequest, getRequest, ORIGIN, settle } from "../fixtures/http";
import { freePort } from "../../scripts/lib/harness";
import { startSmtp, type TestSmtp } from "../fixtures/smtp";
import { createStaff, signIn } from "../fixtures/staff";

const SLUG = "vinh-bao";
const EMAIL = "cu.dan@example.vn";
let ip = 0;
let smtp: TestSmtp | null = null;
let worker: OutboxWorker | null = null;
let official: { id: number; cookie: string };

const mailerOn = (port: number) => createMailer({ host: "127.0.0.1", port, secure: false, from: "NTM <no-reply@test.local>" });
const fastRetry = { baseMs: 100, maxMs: 400, maxAttempts: 50 };

async function file(fields: Record<string, string>) {
  const form = new FormData();
  for (const [k, v] of Object.entries({
    category: "water",
    text: "Nước máy có mùi lạ từ ba ngày nay.",
    consent: "on",
    ...fields,
  }))
    form.append(k, v);
  const res = await settle(() =>
    reportAction({
      request: new Request(`${ORIGIN}/c/${SLUG}/report`, { method: "POST", body: form, headers: { Origin: ORIGIN } }),
      params: { slug: SLUG },
      context: context(`198.51.100.${++ip}`),
    }),
  );
  return res;
}

async function fileOk(fields: Record<string, string>) {
  const res = await file(fields);
  expect(res.status).toBe(303);
  const code = res.headers.get("Location")!.match(/^\/t\/([A-Z2-9-]+)\?new=1$/)![1];
  return prisma.complaint.findUniqueOrThrow({ where: { code }, select: { id: true, code: true, contact: true } });
}

async function staffPost(id: number, body: Record<string, string>) {
  return settle(() =>
    staffAction({
      request: formRequest(`/staff/complaints/${id}`, body, { cookie: official.cookie }),
      params: { id: String(id) },
      context: context(),
    }),
  );
}

const messagesOf = (complaintId: number) =>
  prisma.outboxMessage.findMany({ where: { subscription: { complaintId } }, orderBy: { id: "asc" } });

beforeEach(async () => {
  await prisma.complaint.deleteMany();
  if (!official) {
    const u = await createStaff("official", [SLUG]);
    official = { id: u.id, cookie: await signIn(u.email) };
  }
});

afterEach(async () => {
  await worker?.stop();
  worker = null;
  await smtp?.stop();
  smtp = null;
});

describe("e-mail to the resident", () => {
  it("arrives with the tracking link within 5 seconds of an official's change", async () => {
    smtp = await startSmtp();
    worker = startOutboxWorker({ mailer: mailerOn(smtp.port), sms: null, pollMs: 200, retry: fastRetry });
    const c = await fileOk({ email: EMAIL, phone: "" });
    expect(c.contact).toBe(EMAIL);
    const filed = await smtp.waitFor((m) => m.subject.includes("đã được gửi thành công"), 5000);
    expect(filed.to).toEqual([EMAIL]);

    const t0 = Date.now();
    expect((await staffPost(c.id, { intent: "move", to: "acknowledged", reply: "" })).status).toBe(303);
    const mail = await smtp.waitFor((m) => m.subject.includes("đã được tiếp nhận"), 5000);
    expect(mail.receivedAt - t0).toBeLessThan(5000);
    expect(mail.subject).toBe(`Phản ánh ${c.code}: đã được tiếp nhận`);
    expect(mail.text).toContain(`Phản ánh của bạn về nước sinh hoạt tại Vĩnh Bảo (mã ${c.code}) đã được tiếp nhận.`);
    expect(mail.text).toContain(trackingUrl(c.code));
    const sub = await prisma.subscription.findFirstOrThrow({ where: { complaintId: c.id } });
    expect(mail.text).toContain(stopUrl(sub.token));
    expect(mail.headers["list-unsubscribe"]).toContain(stopUrl(sub.token));
    expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");

    // Resolving with a reply: one message carrying the reply, not two.
    await staffPost(c.id, { intent: "move", to: "resolved", reply: "Đã thay đoạn ống bị vỡ ở đầu thôn." });
    const resolved = await smtp.waitFor((m) => m.subject.includes("đã được giải quyết"), 5000);
    expect(resolved.text).toContain("Đã thay đoạn ống bị vỡ ở đầu thôn.");
    await expect.poll(async () => (await messagesOf(c.id)).map((m) => m.status)).toEqual(["sent", "sent", "sent"]);
  });

  it("sends for each public change (reply, rejection, reopening), never for an internal note", async () => {
    const c = await fileOk({ email: EMAIL });
    await staffPost(c.id, { intent: "note", body: "Nội bộ: gọi cho tổ trưởng." });
    await staffPost(c.id, { intent: "reply", body: "Xã đã cử người kiểm tra." });
    await moveComplaint({ id: c.id, actorId: official.id, to: "acknowledged", reply: null });
    await moveComplaint({ id: c.id, actorId: official.id, to: "resolved", reply: "Đã xử lý xong." });
    await reopenComplaint({ code: c.code, reason: "Nước vẫn còn mùi như cũ." });
    await moveComplaint({ id: c.id, actorId: official.id, to: "rejected", reply: "Không thuộc thẩm quyền của xã." });
    const subjects = (await messagesOf(c.id)).map((m) => m.subject.replace(`Phản ánh ${c.code}: `, ""));
    expect(subjects).toEqual([
      "đã được gửi thành công",
      "có trả lời mới",
      "đã được tiếp nhận",
      "đã được giải quyết",
      "đã được mở lại",
      "không được xử lý",
    ]);
    const all = (await messagesOf(c.id)).map((m) => m.body).join("\n");
    expect(all).not.toContain("Nội bộ");
  });

  it("writes nothing when the change itself is refused (same transaction)", async () => {
    const c = await fileOk({ email: EMAIL });
    const before = (await messagesOf(c.id)).length;
    expect((await staffPost(c.id, { intent: "move", to: "in_progress", reply: "" })).status).toBe(409); // new -> in progress
    expect((await staffPost(c.id, { intent: "move", to: "rejected", reply: "" })).status).toBe(400); // reply required
    expect((await messagesOf(c.id)).length).toBe(before);
  });

  it("commits the change while SMTP is down, retries with backoff, and delivers when SMTP is back", async () => {
    const port = await freePort();
    worker = startOutboxWorker({ mailer: mailerOn(port), sms: null, pollMs: 100, retry: fastRetry });
    const c = await fileOk({ email: EMAIL });
    expect((await staffPost(c.id, { intent: "move", to: "acknowledged", reply: "" })).status).toBe(303);
    expect((await prisma.complaint.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("acknowledged");
    await expect
      .poll(async () => (await messagesOf(c.id)).every((m) => m.status === "pending" && m.attempts >= 2 && !!m.lastError), {
        timeout: 5000,
      })
      .toBe(true);

    smtp = await startSmtp(port);
    await smtp.waitFor((m) => m.subject.includes("đã được tiếp nhận"), 5000);
    await smtp.waitFor((m) => m.subject.includes("đã được gửi thành công"), 5000);
    await expect.poll(async () => (await messagesOf(c.id)).map((m) => m.status)).toEqual(["sent", "sent"]);
  });

  it("gives up after the last attempt and marks the message failed", async () => {
    const port = await freePort();
    worker = startOutboxWorker({
      mailer: mailerOn(port),
      sms: null,
      pollMs: 50,
      retry: { baseMs: 20, maxMs: 40, maxAttempts: 3 },
    });
    const c = await fileOk({ email: EMAIL });
    await expect.poll(async () => (await messagesOf(c.id))[0]?.status, { timeout: 5000 }).toBe("failed");
    expect((await messagesOf(c.id))[0].attempts).toBe(3);
  });

  it("never sends a message twice when two workers (two processes' worth) run at once", async () => {
    smtp = await startSmtp();
    const complaints = [];
    for (let i = 0; i < 12; i++) complaints.push(await fileOk({ email: `nguoi${i}@example.vn` }));
    const a = startOutboxWorker({ mailer: mailerOn(smtp.port), sms: null, pollMs: 60_000, retry: fastRetry });
    const b = startOutboxWorker({ mailer: mailerOn(smtp.port), sms: null, pollMs: 60_000, retry: fastRetry });
    await Promise.all([a.runOnce(), b.runOnce(), a.runOnce(), b.runOnce()]);
    await Promise.all([a.stop(), b.stop()]);
    expect(smtp.mails).toHaveLength(12);
    expect(new Set(smtp.mails.map((m) => m.to[0])).size).toBe(12);
  });

  it("delay doubles per failure, capped, with jitter", () => {
    expect(retryDelay(1, 1000, 60_000, () => 0.5)).toBe(1000);
    expect(retryDelay(4, 1000, 60_000, () => 0.5)).toBe(8000);
    expect(retryDelay(20, 1000, 60_000, () => 0.5)).toBe(60_000);
    expect(retryDelay(3, 1000, 60_000, () => 0)).toBe(3200);
  });
});

describe("phone numbers and SMS", () => {
  it("validates and normalises the phone, and sends SMS through the configured gateway", async () => {
    const bad = await file({ phone: "12345", email: "not-an-email" });
    expect(bad.status).toBe(400);
    const data = await bad.json();
    expect(data.fieldErrors).toMatchObject({ phone: "notify:form.phoneInvalid", email: "notify:form.emailInvalid" });
    expect(data.values.phone).toBe("12345");
    expect(await prisma.complaint.count()).toBe(0);

    const c = await fileOk({ phone: "+84 912 345 678", email: EMAIL });
    const sub = await prisma.subscription.findFirstOrThrow({ where: { complaintId: c.id } });
    expect(sub).toMatchObject({ phone: "0912345678", email: EMAIL });
    // SMS_GATEWAY is off in tests: only the e-mail is written.
    expect((await messagesOf(c.id)).map((m) => m.channel)).toEqual(["email"]);
    const lines: string[] = [];
    await new LogSmsGateway((l) => lines.push(l)).send("0912345678", "Phản ánh ABC đã được tiếp nhận.");
    expect(lines).toEqual(["[sms] to 091****678: Phản ánh ABC đã được tiếp nhận."]);
  });

  it("keeps the older single contact field working (pages cached before the split)", async () => {
    const c = await fileOk({ contact: "ba.lan@example.vn" });
    expect(c.contact).toBe("ba.lan@example.vn");
    expect((await messagesOf(c.id)).map((m) => m.recipient)).toEqual(["ba.lan@example.vn"]);
  });
});

describe("the stop link", () => {
  it("shows a button on GET, stops on POST, and no message is written or sent afterwards", async () => {
    const c = await fileOk({ email: EMAIL });
    const { token } = await prisma.subscription.findFirstOrThrow({ where: { complaintId: c.id } });
    const page = await settle(() =>
      stopLoader({ request: getRequest(`/unsubscribe/${token}`), params: { token }, context: context() }),
    );
    expect(page.status).toBe(200);
    const pageData = JSON.stringify(await page.json());
    expect(pageData).not.toContain(EMAIL);
    // Opening the link (a mail scanner would) changes nothing.
    expect((await prisma.subscription.findFirstOrThrow({ where: { token } })).stoppedAt).toBeNull();

    // One-click POST from a mail client: no Origin header, body "List-Unsubscribe=One-Click".
    const res = await settle(() =>
      stopAction({
        request: formRequest(`/unsubscribe/${token}`, { "List-Unsubscribe": "One-Click" }, { origin: null }),
        params: { token },
        context: context(),
      }),
    );
    expect(res.status).toBe(200);
    expect((await messagesOf(c.id))[0].status).toBe("stopped"); // the unsent "filed" message
    await moveComplaint({ id: c.id, actorId: official.id, to: "acknowledged", reply: null });
    expect(await messagesOf(c.id)).toHaveLength(1);

    const unknown = await settle(() =>
      stopAction({ request: formRequest("/unsubscribe/x", {}), params: { token: "A".repeat(32) }, context: context() }),
    );
    expect(unknown.status).toBe(404);
  });
});

describe("contacts stay private", () => {
  it("are never on the public tracking page", async () => {
    const c = await fileOk({ email: EMAIL, phone: "0912 345 678" });
    const res = await settle(() =>
      trackLoader({ request: getRequest(`/t/${c.code}`), params: { code: c.code }, context: context() }),
    );
    const body = await res.text();
    expect(body).not.toContain("example.vn");
    expect(body).not.toContain("345");
  });
});
