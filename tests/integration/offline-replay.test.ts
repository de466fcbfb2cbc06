// A report sent twice under one submission id (a retry, the offline queue sending what the server
// had already received) is stored once, with its photos once, and both sends get the same code.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { action as reportAction } from "~/routes/c.$slug.report";
import { createComplaint } from "~/models/complaint/filing.server";
import { prisma } from "~/utils/db.server";
import { uploadDir } from "~/utils/upload.server";
import { context, ORIGIN, settle } from "../fixtures/http";
import { jpegWithGps } from "../fixtures/images";

const SLUG = "an-lao";

async function send(submissionId: string, photo: Buffer, ip: string) {
  const form = new FormData();
  form.append("category", "water");
  form.append("text", "Nước máy thôn 2 đục và có mùi từ ba ngày nay.");
  form.append("submissionId", submissionId);
  form.append("photos", new File([new Uint8Array(photo)], "a.jpg", { type: "image/jpeg" }));
  const request = new Request(`${ORIGIN}/c/${SLUG}/report`, { method: "POST", body: form, headers: { Origin: ORIGIN } });
  return settle(() => reportAction({ request, params: { slug: SLUG }, context: context(ip) }));
}

const uploads = () => (fs.existsSync(uploadDir()) ? fs.readdirSync(uploadDir()).length : 0);

describe("report replays", () => {
  it("stores a report sent twice once, and answers both with the same tracking code", async () => {
    const id = crypto.randomUUID();
    const photo = await jpegWithGps(1200, 900);
    const before = uploads();
    const first = await send(id, photo, "198.51.100.7");
    const second = await send(id, photo, "198.51.100.8");
    expect(first.status).toBe(303);
    expect(second.status).toBe(303);
    expect(second.headers.get("Location")).toBe(first.headers.get("Location"));
    const rows = await prisma.complaint.findMany({ where: { submissionId: id }, include: { photos: true } });
    expect(rows).toHaveLength(1);
    expect(rows[0].photos).toHaveLength(1);
    expect(uploads() - before).toBe(1);
  });

  it("two sends racing past the first check: the unique submission id keeps one, the second gets its code", async () => {
    const commune = await prisma.commune.findUniqueOrThrow({ where: { slug: SLUG } });
    const id = crypto.randomUUID();
    const input = {
      communeId: commune.id,
      category: "roads" as const,
      text: "Cầu tràn thôn 4 sạt lở một bên.",
      submissionId: id,
    };
    const [a, b] = await Promise.all([createComplaint(input), createComplaint(input)]);
    expect(a.code).toBe(b.code);
    expect([a.replayed, b.replayed].filter(Boolean)).toHaveLength(1);
    expect(await prisma.complaint.count({ where: { submissionId: id } })).toBe(1);
  });

  it("refuses a submission id that is not one", async () => {
    const res = await send("not-a-uuid", await jpegWithGps(200, 150), "198.51.100.9");
    expect(res.status).toBe(400);
  });
});
