// The money routes over a real database: who may read and set caps and read the ledger,
// caps' validation, the ledger's totals and its CSV export exact to the micro-dollar, and a
// submit past a cap refused through the studio's own API before Venice queues anything.
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { calendarMonthOf } from "@/lib/spend/calendar-month";
import { PrismaClient } from "@/lib/db/generated/client";
import { createMember, signInAs, type TestMember } from "../support/members";
import { call, jsonInit } from "../support/routes";
import { setUpStudio } from "../support/studio-harness";

const studio = setUpStudio({ simulator: { balanceUsd: 1_000 } });
let prisma: PrismaClient;
let owner: TestMember;
let admin: TestMember;
let member: TestMember;
let tricky: TestMember;

const thisMonth = calendarMonthOf(new Date());
const lastMonth = calendarMonthOf(new Date(thisMonth.start.getTime() - 1));

beforeAll(async () => {
  owner = await signInAs(studio.database.url, "owner");
  admin = await createMember(studio.database.url, "admin", "Ada Admin");
  member = await createMember(studio.database.url, "member", "Mo Member");
  prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: studio.database.url }) });
  // A name a spreadsheet would run as a formula, with a comma and quotes in it.
  tricky = await createMember(studio.database.url, "member", "Tricky");
  await prisma.user.update({ where: { id: tricky.id }, data: { name: '=SUM(1, "2")' } });
});
afterAll(() => prisma?.$disconnect());

/** Headers that make a call `who`'s (null: signed out). */
const cookieOf = (who: TestMember | null) => ({ cookie: who?.cookie ?? "" });
const as = (who: TestMember | null) => ({ headers: cookieOf(who) });

async function getCaps(who: TestMember | null = owner) {
  const { GET } = await import("@/app/api/caps/route");
  return call(GET, "/api/caps", as(who));
}
async function putStudioCap(body: unknown, who: TestMember | null = owner) {
  const { PUT } = await import("@/app/api/caps/studio/route");
  return call(PUT, "/api/caps/studio", jsonInit("PUT", body, cookieOf(who)));
}
async function putMemberCap(id: string, body: unknown, who: TestMember | null = owner) {
  const { PUT } = await import("@/app/api/caps/members/[id]/route");
  return call(PUT, `/api/caps/members/${id}`, jsonInit("PUT", body, cookieOf(who)), { id });
}
async function getLedger(query = "", who: TestMember | null = owner) {
  const { GET } = await import("@/app/api/ledger/route");
  return call(GET, `/api/ledger${query}`, as(who));
}
async function exportLedger(query = "", who: TestMember | null = owner) {
  const { GET } = await import("@/app/api/ledger/export/route");
  return call(GET, `/api/ledger/export${query}`, as(who));
}

let generations = 0;
/** A charge as submit records it (with its generation row), `quoted` and `refunded` in USD. */
async function charge(memberId: string, model: string, quoted: string, refunded = "0", createdAt = new Date()) {
  const generation = await prisma.generation.create({
    data: {
      batchId: crypto.randomUUID(),
      model,
      request: {},
      requestHash: "test",
      title: `Charge ${++generations}`,
      quotedUsd: quoted,
      idempotencyKey: `ledger-test-${generations}:0`,
      creatorId: memberId,
      status: refunded === "0" ? "completed" : "failed",
    },
  });
  await prisma.ledgerEntry.create({
    data: { generationId: generation.id, memberId, model, quotedUsd: quoted, refundedUsd: refunded, refundedAt: refunded === "0" ? null : createdAt, createdAt },
  });
  return generation.id;
}

/** Sums USD amounts written as decimal text, exactly, in micro-dollars. */
function micros(amounts: string[]): number {
  return amounts.reduce((sum, amount) => {
    const [whole, fraction = ""] = amount.split(".");
    return sum + Number(whole) * 1_000_000 + Number(fraction.padEnd(6, "0"));
  }, 0);
}

describe("who may use the money routes", () => {
  it("answers 401 to anyone signed out and 403 to a member on every admin route", async () => {
    for (const who of [null, member]) {
      const status = who ? 403 : 401;
      expect((await getLedger("", who)).status).toBe(status);
      expect((await exportLedger("", who)).status).toBe(status);
      expect((await putStudioCap({ capUsd: 5 }, who)).status).toBe(status);
      expect((await putMemberCap(member.id, { capUsd: 5 }, who)).status).toBe(status);
    }
    expect((await getCaps(null)).status).toBe(401);
  });

  it("shows a member their own cap and spend only, and an admin everyone's", async () => {
    const own = await getCaps(member);
    expect(own.status).toBe(200);
    const body = (await own.json()) as { month: string; members: { id: string }[] };
    expect(body.month).toBe(thisMonth.key);
    expect(body.members.map((row) => row.id)).toEqual([member.id]);

    const all = (await (await getCaps(admin)).json()) as { members: { id: string; canSet: boolean }[] };
    expect(all.members.map((row) => row.id).sort()).toEqual([owner.id, admin.id, member.id, tricky.id].sort());
    // The caps an admin may set: everyone's but the owner's.
    expect(all.members.filter((row) => !row.canSet).map((row) => row.id)).toEqual([owner.id]);
  });

  it("lets only the owner set the owner's cap", async () => {
    const refused = await putMemberCap(owner.id, { capUsd: 5 }, admin);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: "Only the owner sets the owner's cap." });
    expect((await putMemberCap(owner.id, { capUsd: null }, owner)).status).toBe(200);
    expect((await putMemberCap(admin.id, { capUsd: 7.5 }, admin)).status).toBe(200);
    expect((await putMemberCap(admin.id, { capUsd: null }, admin)).status).toBe(200);
  });

  it("answers 404 for a member who does not exist", async () => {
    const response = await putMemberCap("no-such-member", { capUsd: 1 });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "This member does not exist or was removed." });
  });
});

describe("setting caps", () => {
  it.each([
    [{ capUsd: -1 }, "A cap cannot be negative."],
    [{ capUsd: 1_000_000.01 }, "A cap can be at most $1,000,000."],
    [{ capUsd: 1.234 }, "A cap is in whole cents, like 12.50."],
    [{ capUsd: "5" }, "Enter the cap in US dollars, or null for no cap."],
    [{}, "Enter the cap in US dollars, or null for no cap."],
  ])("refuses %j with a field error", async (body, message) => {
    for (const response of [await putStudioCap(body), await putMemberCap(member.id, body)]) {
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: "Some fields are invalid.", fields: { capUsd: [message] } });
    }
  });

  it("stores caps to the cent, lifts them with null, and answers them with the month's spend", async () => {
    const studio = await putStudioCap({ capUsd: 1_000_000 });
    expect(studio.status).toBe(200);
    expect(await studio.json()).toEqual({ capUsd: 1_000_000, spentUsd: expect.any(Number) });
    expect(await (await putMemberCap(member.id, { capUsd: 0.29 })).json()).toEqual({ id: member.id, name: "Mo Member", role: "member", capUsd: 0.29, spentUsd: expect.any(Number), canSet: true });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: member.id } })).monthlyCapUsd?.toFixed(2)).toBe("0.29");

    const caps = (await (await getCaps()).json()) as { studio: { capUsd: number | null }; members: { id: string; capUsd: number | null }[] };
    expect(caps.studio.capUsd).toBe(1_000_000);
    expect(caps.members.find((row) => row.id === member.id)?.capUsd).toBe(0.29);

    await putStudioCap({ capUsd: null });
    await putMemberCap(member.id, { capUsd: null });
    expect((await (await getCaps()).json()) as unknown).toMatchObject({ studio: { capUsd: null } });
  });
});

describe("the ledger", () => {
  it("totals per member, model and month exactly, filters by month, and lists the latest charges first", async () => {
    await prisma.ledgerEntry.deleteMany();
    await charge(member.id, "sonilo-v1-1-sound-effects", "0.00621");
    await charge(member.id, "mmaudio-v2-text-to-audio", "0.00184", "0.00184");
    await charge(tricky.id, "ace-step-15", "0.03");
    const old = await charge(member.id, "ace-step-15", "0.05", "0", new Date(thisMonth.start.getTime() - 60_000));
    const latest = await charge(admin.id, "ace-step-15", "0.07");

    const response = await getLedger();
    expect(response.status).toBe(200);
    const ledger = await response.json();
    expect(ledger.month).toBeNull();
    expect(ledger.total).toEqual({ quotedUsd: 0.15805, refundedUsd: 0.00184, netUsd: 0.15621, entries: 5 });
    expect(ledger.months).toEqual([
      { month: thisMonth.key, quotedUsd: 0.10805, refundedUsd: 0.00184, netUsd: 0.10621, entries: 4 },
      { month: lastMonth.key, quotedUsd: 0.05, refundedUsd: 0, netUsd: 0.05, entries: 1 },
    ]);
    expect(ledger.members).toEqual([
      { memberId: admin.id, name: "Ada Admin", email: admin.email, quotedUsd: 0.07, refundedUsd: 0, netUsd: 0.07, entries: 1 },
      { memberId: member.id, name: "Mo Member", email: member.email, quotedUsd: 0.05805, refundedUsd: 0.00184, netUsd: 0.05621, entries: 3 },
      { memberId: tricky.id, name: '=SUM(1, "2")', email: tricky.email, quotedUsd: 0.03, refundedUsd: 0, netUsd: 0.03, entries: 1 },
    ]);
    expect(ledger.models.map((row: { model: string; netUsd: number }) => [row.model, row.netUsd])).toEqual([
      ["ace-step-15", 0.15],
      ["sonilo-v1-1-sound-effects", 0.00621],
      ["mmaudio-v2-text-to-audio", 0],
    ]);
    expect(ledger.entries).toHaveLength(5);
    expect(ledger.entries[0]).toMatchObject({ generationId: latest, memberName: "Ada Admin", model: "ace-step-15", modelName: "ACE-Step 1.5", quotedUsd: 0.07, netUsd: 0.07, status: "completed", settled: false });
    expect(ledger.models.map((row: { modelName: string }) => row.modelName)).toEqual(["ACE-Step 1.5", "Sonilo V1.1 Sound Effects", "MMAudio V2"]);
    expect(ledger.entries.at(-1).generationId).toBe(old);

    const previous = await (await getLedger(`?month=${lastMonth.key}`)).json();
    expect(previous.month).toBe(lastMonth.key);
    expect(previous.total).toEqual({ quotedUsd: 0.05, refundedUsd: 0, netUsd: 0.05, entries: 1 });
    expect(previous.entries.map((entry: { generationId: string }) => entry.generationId)).toEqual([old]);
    expect(previous.months).toHaveLength(2);
  });

  it("refuses a month that is not YYYY-MM", async () => {
    for (const query of ["?month=2025-13", "?month=November", "?month=2025-1"]) {
      const response = await getLedger(query);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: "Some fields are invalid.", fields: { month: ["A month is written YYYY-MM, like 2025-11."] } });
      expect((await exportLedger(query)).status).toBe(400);
    }
  });

  it("lists the latest 200 charges but totals all of them", async () => {
    await prisma.ledgerEntry.deleteMany();
    await prisma.ledgerEntry.createMany({
      data: Array.from({ length: 205 }, (_, i) => ({
        generationId: crypto.randomUUID(),
        memberId: member.id,
        model: "ace-step-15",
        quotedUsd: "0.03",
        createdAt: new Date(Date.now() - i * 1_000),
      })),
    });
    const ledger = await (await getLedger()).json();
    expect(ledger.entries).toHaveLength(200);
    expect(ledger.total).toMatchObject({ entries: 205, netUsd: 6.15 });
  });
});

describe("what the ledger reads at read time", () => {
  /** A stored track of `generationId`, as the worker makes it. */
  async function trackOf(generationId: string) {
    const generation = await prisma.generation.findUniqueOrThrow({ where: { id: generationId } });
    return prisma.track.create({
      data: {
        generationId,
        batchId: generation.batchId,
        title: generation.title,
        prompt: "A calm piano piece at dusk",
        model: generation.model,
        format: "mp3",
        bytes: 1,
        durationMs: 1_000,
        sha256: "0".repeat(64),
        storageKey: `tracks/${generationId}.mp3`,
        peaks: [],
        creatorId: generation.creatorId,
      },
    });
  }
  async function renameTrack(id: string, title: string) {
    const { PATCH } = await import("@/app/api/tracks/[id]/route");
    const response = await call(PATCH, `/api/tracks/${id}`, jsonInit("PATCH", { title }, cookieOf(owner)), { id });
    expect(response.status).toBe(200);
  }

  it("shows a track's current title after a rename, in the page's entries and the CSV, and model names beside the ids", async () => {
    await prisma.ledgerEntry.deleteMany();
    const renamed = await charge(member.id, "ace-step-15", "0.03");
    const track = await trackOf(renamed);
    await renameTrack(track.id, "Dusk, renamed");
    // A model Venice's catalog no longer lists keeps its id as its name.
    const retired = await charge(member.id, "retired-model-9", "0.02");

    const ledger = await (await getLedger()).json();
    const entry = (id: string) => ledger.entries.find((row: { generationId: string }) => row.generationId === id);
    expect(entry(renamed)).toMatchObject({ title: "Dusk, renamed", model: "ace-step-15", modelName: "ACE-Step 1.5" });
    expect(entry(retired)).toMatchObject({ title: expect.stringMatching(/^Charge \d+$/), model: "retired-model-9", modelName: "retired-model-9" });
    expect(ledger.models).toEqual([
      expect.objectContaining({ model: "ace-step-15", modelName: "ACE-Step 1.5" }),
      expect.objectContaining({ model: "retired-model-9", modelName: "retired-model-9" }),
    ]);
    // The generation keeps the title it was made with: the ledger joins the track's.
    expect((await prisma.generation.findUniqueOrThrow({ where: { id: renamed } })).title).not.toBe("Dusk, renamed");

    const rows = (await (await exportLedger()).text()).trim().split("\r\n");
    expect(rows.find((row) => row.includes(renamed))).toContain(`,ace-step-15,ACE-Step 1.5,${renamed},"Dusk, renamed",0.03,0.00,0.03`);
    expect(rows.find((row) => row.includes(retired))).toMatch(new RegExp(`,retired-model-9,retired-model-9,${retired},Charge \\d+,0\\.02,0\\.00,0\\.02$`));
  });

  it("tells a settled charge (a completed job with part of its hold given back) from a failed job's refund", async () => {
    await prisma.ledgerEntry.deleteMany();
    const failed = await charge(member.id, "ace-step-15", "0.03", "0.03");
    const settled = await charge(member.id, "seed-audio-1-0", "0.345");
    await prisma.ledgerEntry.update({ where: { generationId: settled }, data: { refundedUsd: "0.215625", refundedAt: new Date() } });
    const ledger = await (await getLedger()).json();
    const entry = (id: string) => ledger.entries.find((row: { generationId: string }) => row.generationId === id);
    expect(entry(settled)).toMatchObject({ status: "completed", quotedUsd: 0.345, refundedUsd: 0.215625, netUsd: 0.129375, settled: true, modelName: "Seed Audio 1.0" });
    expect(entry(failed)).toMatchObject({ status: "failed", netUsd: 0, settled: false });
  });
});

describe("the CSV export", () => {
  it("downloads one line per charge, oldest first, and its net column sums exactly to quotes less refunds", async () => {
    await prisma.ledgerEntry.deleteMany();
    const quotes = ["0.00621", "0.00184", "0.03", "0.115", "6.90", "0.000023", "0.05"];
    const refunds = ["0", "0.00184", "0", "0.115", "0", "0", "0"];
    const ids: string[] = [];
    for (const [i, quoted] of quotes.entries()) {
      ids.push(await charge(i % 2 ? tricky.id : member.id, "ace-step-15", quoted, refunds[i], new Date(Date.now() - (quotes.length - i) * 60_000)));
    }
    const gone = "removed-member-id";
    ids.push(await charge(gone, "lyria-3-pro", "0.1"));

    const response = await exportLedger();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="venice-studio-ledger-${new Date().toISOString().slice(0, 10)}.csv"`);
    const lines = (await response.text()).split("\r\n");
    expect(lines.at(-1)).toBe("");
    expect(lines[0]).toBe("date_utc,member,email,model,model_name,generation_id,title,quoted_usd,refunded_usd,net_usd");
    const rows = lines.slice(1, -1);
    expect(rows).toHaveLength(8);

    expect(rows[0]).toMatch(new RegExp(`^\\d{4}-\\d{2}-\\d{2}T[\\d:.]+Z,Mo Member,${member.email},ace-step-15,ACE-Step 1\\.5,${ids[0]},Charge \\d+,0\\.00621,0\\.00,0\\.00621$`));
    // Quotes doubled, the whole field quoted, and a leading ' so a spreadsheet shows the name instead of running it.
    expect(rows[1]).toContain(`,"'=SUM(1, ""2"")",${tricky.email},ace-step-15,ACE-Step 1.5,${ids[1]},`);
    expect(rows[1]).toMatch(/,Charge \d+,0\.00184,0\.00184,0\.00$/);
    expect(rows[4]).toContain(",6.90,0.00,6.90");
    expect(rows[5]).toContain(",0.000023,0.00,0.000023");
    expect(rows[7]).toMatch(new RegExp(`,Former member,,lyria-3-pro,Lyria 3 Pro,${ids[7]},Charge \\d+,0\\.10,0\\.00,0\\.10$`));

    const column = (index: number) => rows.map((row) => row.split(",").at(index - 8)!);
    const [quoted, refunded, net] = [column(5), column(6), column(7)];
    expect(micros(quoted)).toBe(micros([...quotes, "0.1"]));
    expect(micros(net)).toBe(micros(quoted) - micros(refunded));
    expect(micros(net)).toBe(7_086_233);
  });

  it("exports one month when asked", async () => {
    await charge(member.id, "ace-step-15", "0.04", "0", new Date(thisMonth.start.getTime() - 1));
    const rows = (await (await exportLedger(`?month=${lastMonth.key}`)).text()).trim().split("\r\n");
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain(",0.04,0.00,0.04");
  });
});

describe("a submit past a cap", () => {
  it("is refused by POST /api/generations with the cap, the month's spend and the price, before Venice queues anything", async () => {
    await prisma.ledgerEntry.deleteMany();
    await charge(owner.id, "ace-step-15", "0.07");
    await putMemberCap(owner.id, { capUsd: 0.09 });
    const { POST } = await import("@/app/api/generations/route");
    const body = { model: "ace-step-15", request: { prompt: "A calm piano piece at dusk", duration_seconds: 60 }, takes: 1 };
    const before = await prisma.generation.count();

    const response = await call(POST, "/api/generations", jsonInit("POST", body, { "idempotency-key": "over-cap", ...cookieOf(owner) }));
    expect(response.status).toBe(402);
    expect(await response.json()).toEqual({
      error: `This costs $0.03, which would take you past your monthly cap of $0.09 ($0.07 spent in ${thisMonth.name}). An admin can raise it on the Ledger page.`,
    });
    expect(await prisma.generation.count()).toBe(before);
    expect(studio.sim.control.requests().filter((entry) => entry.endpoint === "queue")).toHaveLength(0);

    await putMemberCap(owner.id, { capUsd: 0.1 });
    const accepted = await call(POST, "/api/generations", jsonInit("POST", body, { "idempotency-key": "under-cap", ...cookieOf(owner) }));
    expect(accepted.status).toBe(202);
    expect((await (await getCaps(owner)).json()).members.find((row: { id: string }) => row.id === owner.id)).toMatchObject({ capUsd: 0.1, spentUsd: 0.1 });
  });
});
