// SMS through the HTTP gateway adapter, configured from the environment as in production: a real
// HTTP server stands in for the provider's relay; the worker posts the message to it, retries when
// it answers an error, and the text carries the tracking and stop links.
import http from "node:http";
import { afterAll, beforeAll, expect, it, vi } from "vitest";

const port = vi.hoisted(() => {
  const p = 20_000 + (process.pid % 20_000);
  process.env.SMS_GATEWAY = "http";
  process.env.SMS_HTTP_URL = `http://127.0.0.1:${p}/send`;
  process.env.SMS_HTTP_TOKEN = "relay-token-123";
  return p;
});

import { createComplaint } from "~/models/complaint/filing.server";
import { stopUrl, trackingUrl } from "~/models/outbox.server";
import { prisma } from "~/utils/db.server";
import { startOutboxWorker } from "~/services/outbox-worker.server";

const received: { auth: string | undefined; body: { to: string; text: string } }[] = [];
let failNext = 0;
const relay = http.createServer((req, res) => {
  let data = "";
  req.on("data", (c) => (data += c));
  req.on("end", () => {
    if (failNext > 0) {
      failNext--;
      res.writeHead(503).end();
      return;
    }
    received.push({ auth: req.headers.authorization, body: JSON.parse(data) });
    res.writeHead(200, { "content-type": "application/json" }).end("{}");
  });
});

beforeAll(() => new Promise<void>((resolve) => relay.listen(port, "127.0.0.1", resolve)));
afterAll(() => new Promise<void>((resolve) => relay.close(() => resolve())));

it("sends an SMS to the number left on the report, through the configured HTTP relay, after a failure", async () => {
  failNext = 1;
  const communeId = (await prisma.commune.findUniqueOrThrow({ where: { slug: "vinh-bao" } })).id;
  const { id, code } = await createComplaint({
    communeId,
    category: "security",
    text: "Đèn đường ở ngã ba thôn bị hỏng, buổi tối rất tối.",
    notify: { phone: "+84 912 000 111" },
    consent: "report",
  });
  const messages = await prisma.outboxMessage.findMany({ where: { subscription: { complaintId: id } } });
  expect(messages.map((m) => [m.channel, m.recipient])).toEqual([["sms", "0912000111"]]);

  const worker = startOutboxWorker({ mailer: null, pollMs: 50, retry: { baseMs: 50, maxMs: 100, maxAttempts: 5 } });
  await expect.poll(() => received.length, { timeout: 5000 }).toBe(1);
  await worker.stop();
  const { token } = await prisma.subscription.findFirstOrThrow({ where: { complaintId: id } });
  expect(received[0].auth).toBe("Bearer relay-token-123");
  expect(received[0].body).toEqual({
    to: "0912000111",
    text: `Phản ánh ${code} đã được gửi thành công. Xem: ${trackingUrl(code)} Ngừng nhận tin: ${stopUrl(token)}`,
  });
  const sent = await prisma.outboxMessage.findFirstOrThrow({ where: { subscription: { complaintId: id } } });
  expect(sent).toMatchObject({ status: "sent", attempts: 2 });
});
