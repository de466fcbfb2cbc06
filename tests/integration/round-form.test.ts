// The round form's level (issue 26): whatever is posted as levelId, the answer is a round with a
// known level, or a 400 with a message next to the field and nothing written; never a 500.
import { beforeAll, describe, expect, it } from "vitest";
import { action as roundsAction } from "~/routes/staff.rounds._index";
import { vnIsoDay } from "~/lib/vn-time";
import { prisma } from "~/utils/db.server";
import { context, formRequest, settle } from "../fixtures/http";
import { importTestRegister } from "../fixtures/register";
import { createStaff, signIn } from "../fixtures/staff";

// The Front proposes rounds (decision 036); households come from the register.
let front = "";
let communeId = 0;
beforeAll(async () => {
  front = await signIn((await createStaff("front", ["vinh-bao"])).email);
  communeId = (await prisma.commune.findUniqueOrThrow({ where: { slug: "vinh-bao" } })).id;
  await importTestRegister([["vinh-bao", "Thôn Đông", 40]]);
});

/** A date some days from today in Vietnam (rounds cannot start before today). */
const day = (offset: number) => vnIsoDay(new Date(Date.now() + offset * 86_400_000));

const create = (fields: Record<string, string>) =>
  settle(() =>
    roundsAction({
      request: formRequest(
        "/staff/rounds",
        { name: "Đợt thử mức", startsOn: day(3), endsOn: day(13), communes: String(communeId), ...fields },
        { cookie: front },
      ),
      params: {},
      context: context(),
    }),
  );

describe("the round form's recognition level", () => {
  it("answers 400 with a message for an unknown or non-numeric level, keeps the input, writes nothing", async () => {
    const before = await prisma.surveyRound.count();
    for (const purpose of ["pre_recognition", "routine"])
      for (const levelId of ["abc", "99999", "1.5", "-1", "1e3", "0x1"]) {
        const res = await create({ purpose, levelId });
        expect(res.status, `${purpose} ${levelId}`).toBe(400);
        const body = await res.json();
        expect(body.fieldErrors.levelId).toBe("errors.levelUnknown");
        expect(body.values.levelId).toBe(levelId);
      }
    expect(await prisma.surveyRound.count()).toBe(before);
  });

  it("still asks for a level on a pre-recognition round, and accepts a known one", async () => {
    expect((await (await create({ purpose: "pre_recognition" })).json()).fieldErrors.levelId).toBe("errors.levelRequired");
    const level = await prisma.recognitionLevel.findFirstOrThrow();
    const res = await create({ purpose: "pre_recognition", levelId: String(level.id) });
    expect(res.status).toBe(303);
    const id = Number(res.headers.get("Location")!.split("/").pop());
    expect((await prisma.surveyRound.findUniqueOrThrow({ where: { id } })).levelId).toBe(level.id);
  });
});
