// Issue 24: reports received by phone, letter, in person or at a meeting, entered by an official.
import { describe, expect, it } from "vitest";
import { action as intakeAction } from "~/routes/staff.complaints.new";
import { loader as receiptLoader } from "~/routes/staff.complaints.$id_.receipt";
import { countReportsByChannel } from "~/models/complaint/intake.server";
import { vnIsoDay } from "~/lib/vn-time";
import { prisma } from "~/utils/db.server";
import { context, getRequest, ORIGIN, settle } from "../fixtures/http";
import { png } from "../fixtures/images";
import { createStaff, signIn } from "../fixtures/staff";

const DAY = 86_400_000;

function multipart(fields: Record<string, string>, cookie: string, scan?: Blob) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (scan) form.append("scan", scan, "letter.png");
  return new Request(`${ORIGIN}/staff/complaints/new`, {
    method: "POST",
    headers: { Cookie: cookie, Origin: ORIGIN },
    body: form,
  });
}

async function official() {
  const u = await createStaff("official", ["vinh-bao"]);
  const commune = await prisma.commune.findUniqueOrThrow({ where: { slug: "vinh-bao" } });
  return { cookie: await signIn(u.email), communeId: commune.id, userId: u.id };
}

const valid = (communeId: number, extra: Record<string, string> = {}) => ({
  communeId: String(communeId),
  channel: "hotline",
  receivedOn: vnIsoDay(new Date(Date.now() - 2 * DAY)),
  category: "roads",
  text: "Ông Ba gọi đường dây nóng: cống qua đường thôn 3 bị vỡ, nước tràn mặt đường.",
  village: "Thôn 3",
  ...extra,
});

describe("reports received by phone, letter or in person", () => {
  it("files the report with its channel, the clock from the day received, a scan, and prints a receipt", async () => {
    const { cookie, communeId, userId } = await official();
    const before = await countReportsByChannel({ communeIds: [communeId] });
    const res = await settle(() =>
      intakeAction({
        request: multipart(valid(communeId, { phone: "0912 345 678", consent: "on" }), cookie, new Blob([new Uint8Array(0)])),
        params: {},
        context: context(),
      }),
    );
    // An empty file part is no scan at all.
    expect(res.status).toBe(303);
    const id = Number(/\/staff\/complaints\/(\d+)\/receipt/.exec(res.headers.get("Location")!)![1]);
    const c = await prisma.complaint.findUniqueOrThrow({
      where: { id },
      select: {
        code: true,
        status: true,
        createdAt: true,
        clockStartedAt: true,
        contact: true,
        intake: true,
        subscriptions: true,
      },
    });
    expect(c.status).toBe("new");
    expect(vnIsoDay(c.clockStartedAt)).toBe(valid(communeId).receivedOn);
    expect(c.intake).toMatchObject({ channel: "hotline", enteredById: userId, contactConsent: true, scanFileName: null });
    expect(c.contact).toBe("0912345678");
    expect(c.subscriptions).toHaveLength(1);
    const after = await countReportsByChannel({ communeIds: [communeId] });
    const hotline = (rows: typeof after) => rows.find((r) => r.channel === "hotline")?.count ?? 0;
    expect(hotline(after)).toBe(hotline(before) + 1);

    const receipt = await settle(() =>
      receiptLoader({
        request: getRequest(`/staff/complaints/${id}/receipt`, { cookie }),
        params: { id: String(id) },
        context: context(),
      }),
    );
    expect(receipt.status).toBe(200);
    const data = await receipt.json();
    expect(data.code).toBe(c.code);
    expect(data.lines.received).toContain("Điện thoại (đường dây nóng)");
    expect(data.qrSvg).toContain("<svg");

    // A letter with its scan.
    const scan = new Blob([new Uint8Array(await png())], { type: "image/png" });
    const letter = await settle(() =>
      intakeAction({
        request: multipart(valid(communeId, { channel: "letter" }), cookie, scan),
        params: {},
        context: context(),
      }),
    );
    expect(letter.status).toBe(303);
    const letterId = Number(/(\d+)\/receipt/.exec(letter.headers.get("Location")!)![1]);
    const intake = await prisma.complaintIntake.findUniqueOrThrow({ where: { complaintId: letterId } });
    expect(intake.channel).toBe("letter");
    expect(intake.scanFileName).toMatch(/\.jpg$/);
  });

  it.each([
    ["a contact without the resident's consent", { phone: "0912345678" }, "consent", "reach:intake.errors.consentRequired"],
    [
      "a date received after today",
      { receivedOn: vnIsoDay(new Date(Date.now() + 3 * DAY)) },
      "receivedOn",
      "reach:intake.errors.receivedInFuture",
    ],
    ["no channel", { channel: "" }, "channel", "reach:intake.errors.channel"],
    ["an unknown channel", { channel: "web" }, "channel", "reach:intake.errors.channel"],
    ["a text too short", { text: "ngắn" }, "text", "errors.textTooShort"],
    ["a bad phone", { phone: "12", consent: "on" }, "phone", "notify:form.phoneInvalid"],
  ])("refuses %s: 400, the message by the field, the input kept, nothing written", async (_, extra, field, message) => {
    const { cookie, communeId } = await official();
    const count = await prisma.complaint.count();
    const fields = valid(communeId, extra);
    const res = await settle(() => intakeAction({ request: multipart(fields, cookie), params: {}, context: context() }));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.fieldErrors[field]).toBe(message);
    expect(body.values.text).toBe(fields.text);
    expect(await prisma.complaint.count()).toBe(count);
  });

  it("refuses another commune's report (403) and a scan that is not an image (400)", async () => {
    const { cookie } = await official();
    const other = await prisma.commune.findUniqueOrThrow({ where: { slug: "cam-giang" } });
    const count = await prisma.complaint.count();
    const res = await settle(() => intakeAction({ request: multipart(valid(other.id), cookie), params: {}, context: context() }));
    expect(res.status).toBe(403);
    const { communeId } = await official();
    const bad = await settle(() =>
      intakeAction({
        request: multipart(valid(communeId), cookie, new Blob(["<?php echo 1; ?>".repeat(20)], { type: "image/png" })),
        params: {},
        context: context(),
      }),
    );
    expect(bad.status).toBe(400);
    expect((await bad.json()).fieldErrors.scan).toBe("errors.notAnImage");
    expect(await prisma.complaint.count()).toBe(count);
  });
});
