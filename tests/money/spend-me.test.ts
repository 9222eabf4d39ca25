// GET /api/spend/me over a real database: a member's own month (spend, cap, and the room the
// tighter of their cap and the studio's leaves), never anyone else's, 401 signed out; and the
// room it answers is the one a submit is refused past.
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/db/generated/client";
import { calendarMonthOf } from "@/lib/spend/calendar-month";
import { createMember, signInAs, type TestMember } from "../support/members";
import { call, jsonInit } from "../support/routes";
import { setUpStudio } from "../support/studio-harness";

const studio = setUpStudio({ simulator: { balanceUsd: 1_000 } });
let prisma: PrismaClient;
let owner: TestMember;
let mo: TestMember;
let bea: TestMember;

const month = calendarMonthOf(new Date());

beforeAll(async () => {
  owner = await signInAs(studio.database.url, "owner");
  mo = await createMember(studio.database.url, "member", "Mo Member");
  bea = await createMember(studio.database.url, "member", "Bea Member");
  prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: studio.database.url }) });
});
afterAll(() => prisma?.$disconnect());
beforeEach(async () => {
  await prisma.ledgerEntry.deleteMany();
  await prisma.user.updateMany({ data: { monthlyCapUsd: null } });
  await prisma.studioSettings.update({ where: { id: 1 }, data: { monthlyCapUsd: null } });
});

const cookieOf = (who: TestMember | null) => ({ cookie: who?.cookie ?? "" });

async function spendMe(who: TestMember | null, query = "") {
  const { GET } = await import("@/app/api/spend/me/route");
  return call(GET, `/api/spend/me${query}`, { headers: cookieOf(who) });
}
async function putMemberCap(id: string, capUsd: number | null) {
  const { PUT } = await import("@/app/api/caps/members/[id]/route");
  expect((await call(PUT, `/api/caps/members/${id}`, jsonInit("PUT", { capUsd }, cookieOf(owner)), { id })).status).toBe(200);
}
async function putStudioCap(capUsd: number | null) {
  const { PUT } = await import("@/app/api/caps/studio/route");
  expect((await call(PUT, "/api/caps/studio", jsonInit("PUT", { capUsd }, cookieOf(owner)))).status).toBe(200);
}

/** A ledger charge of `memberId`, `quoted` less `refunded` USD, this month unless said. */
async function charge(memberId: string, quoted: string, refunded = "0", createdAt = new Date()) {
  await prisma.ledgerEntry.create({
    data: { generationId: crypto.randomUUID(), memberId, model: "ace-step-15", quotedUsd: quoted, refundedUsd: refunded, createdAt },
  });
}

describe("GET /api/spend/me", () => {
  it("answers 401 to anyone signed out", async () => {
    const response = await spendMe(null);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: "Sign in to use the studio." });
  });

  it("answers the caller's own month only: their charges less refunds, not another member's, not last month's", async () => {
    await charge(mo.id, "0.007935");
    await charge(mo.id, "0.03", "0.03");
    await charge(mo.id, "0.5", "0", new Date(month.start.getTime() - 1));
    await charge(bea.id, "1.25");
    await putMemberCap(bea.id, 5);

    const mine = await spendMe(mo);
    expect(mine.status).toBe(200);
    expect(await mine.json()).toEqual({ month: month.key, monthName: month.name, spentUsd: 0.007935, capUsd: null, remainingUsd: null, limitedBy: null });
    expect(await (await spendMe(bea)).json()).toMatchObject({ spentUsd: 1.25, capUsd: 5, remainingUsd: 3.75, limitedBy: "member" });
  });

  it("takes no query: another member's spend cannot be asked for", async () => {
    const response = await spendMe(mo, `?memberId=${bea.id}`);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "Some fields are invalid.", fields: { _: ["This answers your own spend only; it takes no query."] } });
  });

  it("answers the room of the tighter cap: the member's own, or the studio's once everyone's spend leaves less", async () => {
    await charge(mo.id, "0.04");
    await charge(bea.id, "0.5");
    await putMemberCap(mo.id, 1);
    expect(await (await spendMe(mo)).json()).toMatchObject({ spentUsd: 0.04, capUsd: 1, remainingUsd: 0.96, limitedBy: "member" });

    await putStudioCap(0.6);
    expect(await (await spendMe(mo)).json()).toMatchObject({ capUsd: 1, remainingUsd: 0.06, limitedBy: "studio" });

    // A cap lowered below the spend leaves no room rather than a negative one.
    await putMemberCap(mo.id, 0.01);
    expect(await (await spendMe(mo)).json()).toMatchObject({ capUsd: 0.01, remainingUsd: 0, limitedBy: "member" });
  });

  it("is the room a submit is refused past: a price above it is refused, one that fills it exactly is not", async () => {
    const { POST } = await import("@/app/api/generations/route");
    const body = { model: "ace-step-15", request: { prompt: "A calm piano piece at dusk", duration_seconds: 60 }, takes: 1 };
    const submit = (key: string) => call(POST, "/api/generations", jsonInit("POST", body, { "idempotency-key": key, ...cookieOf(mo) }));
    await charge(mo.id, "0.07");
    await putMemberCap(mo.id, 0.09);
    expect(await (await spendMe(mo)).json()).toMatchObject({ remainingUsd: 0.02 });
    // ace-step-15 for 60 s is quoted $0.03: more than the $0.02 left.
    expect((await submit("spend-me-over")).status).toBe(402);

    await putMemberCap(mo.id, 0.1);
    expect(await (await spendMe(mo)).json()).toMatchObject({ remainingUsd: 0.03 });
    expect((await submit("spend-me-exact")).status).toBe(202);
    expect(await (await spendMe(mo)).json()).toMatchObject({ spentUsd: 0.1, remainingUsd: 0 });
  });
});
