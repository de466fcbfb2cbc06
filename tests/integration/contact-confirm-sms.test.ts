// With an SMS gateway (decision 043): a phone left on "me too" gets one text message with a
// 6-digit code; the resident types it on the "me too" page. A wrong code is refused next to the
// field (400, input kept); five wrong tries void the code; until confirmed no news goes to the phone.
import { beforeAll, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.SMS_GATEWAY = "log";
});

import { action as meTooAction, loader as meTooLoader } from "~/routes/c.$slug.me-too";
import { action as staffAction } from "~/routes/staff.complaints.$id";
import { createComplaint } from "~/models/complaint/filing.server";
import { PHONE_CODE_TRIES } from "~/lib/news";
import { prisma } from "~/utils/db.server";
import { context, cookiesFrom, formRequest, getRequest, settle } from "../fixtures/http";
import { createStaff, signIn } from "../fixtures/staff";

const SLUG = "vinh-bao";
const PHONE = "0912345678";
let communeId = 0;
let official = "";
let ip = 0;

beforeAll(async () => {
  communeId = (await prisma.commune.findUniqueOrThrow({ where: { slug: SLUG } })).id;
  official = await signIn((await createStaff("official", [SLUG])).email);
});

const call = <F extends (args: never) => Promise<unknown>>(fn: F, request: Request, params: Record<string, string> = {}) =>
  settle(() => (fn as unknown as (a: unknown) => Promise<unknown>)({ request, params, context: context(`203.0.113.${++ip}`) }));

async function subscribePhone() {
  const c = await createComplaint({
    communeId,
    category: "water",
    text: "Nước máy xóm Trại có mùi lạ mấy hôm nay.",
    village: null,
  });
  const press = (cookie?: string) =>
    call(meTooAction, formRequest(`/c/${SLUG}/me-too`, { complaintId: String(c.id) }, { cookie }), { slug: SLUG });
  const cookie = cookiesFrom(await press());
  await press(cookie);
  const res = await call(
    meTooAction,
    formRequest(
      `/c/${SLUG}/me-too?id=${c.id}&subscribe`,
      { complaintId: String(c.id), consent: "on", phone: "0912 345 678" },
      { cookie },
    ),
    { slug: SLUG },
  );
  expect(res.status).toBe(303);
  const sms = await prisma.outboxMessage.findMany({ where: { recipient: PHONE, subscription: { complaintId: c.id } } });
  expect(sms).toHaveLength(1);
  return { c, cookie, code: /(\d{6})/.exec(sms[0].body)![1] };
}

const typeCode = (id: number, code: string, cookie: string) =>
  call(meTooAction, formRequest(`/c/${SLUG}/me-too?id=${id}&code`, { complaintId: String(id), code }, { cookie }), {
    slug: SLUG,
  });

it("takes the texted code on the 'me too' page; news goes to the phone only after it", async () => {
  const { c, cookie, code } = await subscribePhone();
  const page = await (
    await call(meTooLoader, getRequest(`/c/${SLUG}/me-too?id=${c.id}&subscribed=1`, { cookie }), { slug: SLUG })
  ).json();
  expect(page.codePending).toBe(true);
  await call(
    staffAction,
    formRequest(`/staff/complaints/${c.id}`, { intent: "move", to: "acknowledged", reply: "" }, { cookie: official }),
    {
      id: String(c.id),
    },
  );
  expect(await prisma.outboxMessage.count({ where: { recipient: PHONE, subscription: { complaintId: c.id } } })).toBe(1);

  const wrong = await typeCode(c.id, code === "000000" ? "111111" : "000000", cookie);
  expect(wrong.status).toBe(400);
  expect(await wrong.json()).toMatchObject({ fieldErrors: { code: "news:code.wrong" } });
  const right = await typeCode(c.id, code, cookie);
  expect(right.status).toBe(303);
  expect(right.headers.get("Location")).toContain("phoneConfirmed=1");
  await call(
    staffAction,
    formRequest(`/staff/complaints/${c.id}`, { intent: "move", to: "resolved", reply: "Đã súc rửa bể." }, { cookie: official }),
    {
      id: String(c.id),
    },
  );
  const texts = await prisma.outboxMessage.findMany({ where: { recipient: PHONE, subscription: { complaintId: c.id } } });
  expect(texts).toHaveLength(2);
  expect(texts[1].body).toContain(c.code);
});

it("voids the code after too many wrong tries", async () => {
  const { c, cookie, code } = await subscribePhone();
  const wrongCode = code === "999999" ? "888888" : "999999";
  for (let i = 1; i < PHONE_CODE_TRIES; i++)
    expect(await (await typeCode(c.id, wrongCode, cookie)).json()).toMatchObject({ fieldErrors: { code: "news:code.wrong" } });
  expect(await (await typeCode(c.id, wrongCode, cookie)).json()).toMatchObject({ fieldErrors: { code: "news:code.tooMany" } });
  const late = await typeCode(c.id, code, cookie);
  expect(late.status).toBe(400);
  expect(await late.json()).toMatchObject({ fieldErrors: { code: "news:code.noCode" } });
  expect((await prisma.subscription.findFirstOrThrow({ where: { complaintId: c.id } })).phoneConfirmedAt).toBeNull();
});
