// Monthly caps hold under concurrency: 50 submits racing against one cap, on a real
// PostgreSQL database, priced by the Venice simulator over HTTP. None may overspend by a cent.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ApiError } from "@/lib/errors";
import { calendarMonthOf } from "@/lib/spend/calendar-month";
import { submitGeneration, type SubmitGenerationInput } from "@/lib/generations/submit";
import { callsTo, startHarness, type Harness } from "@/tests/support/generation-harness";

let harness: Harness;
const monthName = calendarMonthOf(new Date()).name;

beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});
beforeEach(async () => {
  harness.sim.control.reset();
  harness.sim.control.setBalance(1_000);
  await harness.prisma.ledgerEntry.deleteMany();
  await harness.prisma.generation.deleteMany();
  await harness.prisma.user.deleteMany();
  // The settings row (made by a migration) is never deleted: reset its cap.
  await harness.prisma.studioSettings.updateMany({ data: { monthlyCapUsd: null } });
});

let people = 0;
async function createMember(monthlyCapUsd: string | null = null): Promise<string> {
  const id = `member-${++people}`;
  await harness.prisma.user.create({ data: { id, name: `Member ${people}`, email: `${id}@studio.test`, monthlyCapUsd } });
  return id;
}

let keys = 0;
/** ACE-Step at 60 s: Venice quotes $0.03 a take. */
function submit(creatorId: string, overrides: Partial<SubmitGenerationInput> = {}) {
  return submitGeneration(
    {
      model: "ace-step-15",
      draft: { prompt: "A calm piano piece at dusk", duration_seconds: 60 },
      takes: 1,
      idempotencyKey: `cap-${++keys}`,
      creatorId,
      ...overrides,
    },
    harness.deps,
  );
}

type Outcome = { accepted: number; refusals: ApiError[] };

async function race(submits: Promise<unknown>[]): Promise<Outcome> {
  const settled = await Promise.allSettled(submits);
  const refusals = settled.flatMap((result) => (result.status === "rejected" ? [result.reason] : []));
  for (const refusal of refusals) expect(refusal).toBeInstanceOf(ApiError);
  return { accepted: settled.filter((result) => result.status === "fulfilled").length, refusals: refusals as ApiError[] };
}

/** What the ledger holds, exactly (summed in PostgreSQL's numeric, as text). */
async function ledgerNet(memberId?: string): Promise<string> {
  const [row] = await harness.prisma.$queryRawUnsafe<{ net: string }[]>(
    `SELECT COALESCE(SUM("quotedUsd" - "refundedUsd"), 0)::numeric(12,2)::text AS net FROM "LedgerEntry"${memberId ? ` WHERE "memberId" = $1` : ""}`,
    ...(memberId ? [memberId] : []),
  );
  return row!.net;
}

describe("a member's monthly cap", () => {
  it("lets exactly 33 of 50 concurrent $0.03 submits through a $1.00 cap, and refuses the rest before Venice queues anything", async () => {
    const member = await createMember("1.00");
    const { accepted, refusals } = await race(Array.from({ length: 50 }, () => submit(member)));

    expect(accepted).toBe(33); // floor(1.00 / 0.03)
    expect(refusals).toHaveLength(17);
    for (const refusal of refusals) {
      expect(refusal.status).toBe(402);
      expect(refusal.message).toBe(
        `This costs $0.03, which would take you past your monthly cap of $1.00 ($0.99 spent in ${monthName}). An admin can raise it on the Ledger page.`,
      );
    }
    expect(await ledgerNet(member)).toBe("0.99");
    expect(await harness.prisma.ledgerEntry.count({ where: { memberId: member } })).toBe(33);
    // A refused submit stores nothing, so no worker could ever queue it.
    expect(await harness.prisma.generation.count()).toBe(33);
    expect(callsTo(harness.sim, "queue")).toHaveLength(0);
  });

  it("charges each accepted generation once, per take, to its creator", async () => {
    const member = await createMember();
    const batch = await submit(member, { takes: 3 });
    const entries = await harness.prisma.ledgerEntry.findMany({ orderBy: { generationId: "asc" } });
    expect(entries.map((entry) => entry.generationId)).toEqual(batch.generations.map((generation) => generation.id).sort());
    for (const entry of entries) {
      expect(entry).toMatchObject({ memberId: member, model: "ace-step-15", refundedAt: null });
      expect(entry.quotedUsd.toFixed(6)).toBe("0.030000");
      expect(entry.refundedUsd.toFixed(6)).toBe("0.000000");
    }
    expect(batch.quotedUsd).toBe(0.09);
  });

  it("answers a repeated Idempotency-Key with its batch, uncharged, even at the cap", async () => {
    const member = await createMember("0.06");
    const first = await submit(member, { idempotencyKey: "repeat-me", takes: 2 });
    const [again, racing] = await Promise.all([
      submit(member, { idempotencyKey: "repeat-me", takes: 2 }),
      submit(member, { idempotencyKey: "repeat-me", takes: 2 }),
    ]);
    expect(again).toEqual(first);
    expect(racing).toEqual(first);
    expect(await ledgerNet(member)).toBe("0.06");
    expect(await harness.prisma.ledgerEntry.count()).toBe(2);
  });

  it("answers racing repeats of one Idempotency-Key with one batch, charged once, though it fills the cap", async () => {
    const member = await createMember("0.06");
    const [first, ...repeats] = await Promise.all(Array.from({ length: 3 }, () => submit(member, { idempotencyKey: "racing-key", takes: 2 })));
    for (const repeat of repeats) expect(repeat).toEqual(first);
    expect(await ledgerNet(member)).toBe("0.06");
    expect(await harness.prisma.ledgerEntry.count()).toBe(2);
  });

  it("prices every take of a batch against the cap, and counts refunds as money back", async () => {
    const member = await createMember("0.10");
    await submit(member, { takes: 2 });
    const refusal = await submit(member, { takes: 2 }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ApiError);
    expect((refusal as ApiError).message).toContain("This costs $0.06, which would take you past your monthly cap of $0.10 ($0.06 spent in");

    // A failed job's refund frees its share of the cap again.
    const charged = await harness.prisma.ledgerEntry.findFirstOrThrow({ where: { memberId: member } });
    await harness.prisma.ledgerEntry.update({ where: { id: charged.id }, data: { refundedUsd: charged.quotedUsd, refundedAt: new Date() } });
    expect((await submit(member, { takes: 2 })).generations).toHaveLength(2);
    expect(await ledgerNet(member)).toBe("0.09");
  });

  it("counts only this calendar month (UTC)", async () => {
    const member = await createMember("0.03");
    const lastMonth = new Date(calendarMonthOf(new Date()).start.getTime() - 1);
    const old = await submit(member);
    await harness.prisma.ledgerEntry.update({ where: { generationId: old.generations[0]!.id }, data: { createdAt: lastMonth } });
    expect((await submit(member)).generations).toHaveLength(1);
    await expect(submit(member)).rejects.toThrow(/past your monthly cap of \$0\.03 \(\$0\.03 spent in/);
  });
});

describe("the studio's monthly cap", () => {
  it("holds across two members racing 25 submits each: exactly 33 accepted, $0.99 spent", async () => {
    await harness.prisma.studioSettings.update({ where: { id: 1 }, data: { monthlyCapUsd: "1.00" } });
    const [ada, bo] = [await createMember(), await createMember()];
    const { accepted, refusals } = await race(Array.from({ length: 50 }, (_, i) => submit(i % 2 === 0 ? ada : bo)));

    expect(accepted).toBe(33);
    expect(refusals).toHaveLength(17);
    for (const refusal of refusals) {
      expect(refusal.status).toBe(402);
      expect(refusal.message).toBe(
        `This costs $0.03, which would take the studio past its monthly cap of $1.00 ($0.99 spent in ${monthName}). An admin can raise it on the Ledger page.`,
      );
    }
    expect(await ledgerNet()).toBe("0.99");
    expect((await ledgerNet(ada)) !== "0.00" && (await ledgerNet(bo)) !== "0.00").toBe(true);
    expect(await harness.prisma.generation.count()).toBe(33);
  });

  it("names the member's own cap when it is the one that binds, and allows everything without caps", async () => {
    await harness.prisma.studioSettings.update({ where: { id: 1 }, data: { monthlyCapUsd: null } });
    const capped = await createMember("0.00");
    await expect(submit(capped)).rejects.toThrow("This costs $0.03, which would take you past your monthly cap of $0.00 ($0.00 spent in");
    const free = await createMember();
    const { accepted } = await race(Array.from({ length: 10 }, () => submit(free)));
    expect(accepted).toBe(10);
  });
});
