// Seed Audio holds the price of its 120 s cap when Venice accepts the job and settles on the
// track's real length once it is made (../shared/venice/README.md). The studio's ledger, the
// job's view and so the caps follow the settlement, checked against the simulator's own books
// over HTTP with a real worker.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/db/generated/client";
import { getGeneration } from "@/lib/generations/get-generation";
import { submitGeneration } from "@/lib/generations/submit";
import { settledUsd } from "@/lib/spend/settle-charge";
import { startHarness, waitForStatus, type Harness } from "@/tests/support/generation-harness";

let harness: Harness;
const START_BALANCE = 100;

beforeAll(async () => {
  harness = await startHarness();
  await harness.startWorker();
});
afterAll(async () => {
  await harness?.close();
});
beforeEach(() => harness.sim.control.setBalance(START_BALANCE));

let submits = 0;
async function submit(model: string, draft: Record<string, unknown>) {
  const { generations, quotedUsd } = await submitGeneration(
    { model, draft, takes: 1, idempotencyKey: `settle-${++submits}`, creatorId: "creator-1" },
    harness.deps,
  );
  return { id: generations[0]!.id, quotedUsd };
}

const spentMicros = () => Math.round((START_BALANCE - harness.sim.control.balanceUsd()) * 1_000_000);
const micros = (usd: Prisma.Decimal | number) => Math.round(Number(usd) * 1_000_000);

describe("a charge held for a reserved length", () => {
  it("settles on the track's real length: the ledger's net is what Venice took, and the job says it", async () => {
    const { id, quotedUsd } = await submit("seed-audio-1-0", { prompt: "A folk song about the sea, sung softly" });
    expect(quotedUsd).toBe(0.345);
    expect((await getGeneration(id, harness.deps))).toMatchObject({ settlesOnLength: true, settledUsd: null });

    expect((await waitForStatus(harness.prisma, id)).status).toBe("completed");
    const entry = await harness.prisma.ledgerEntry.findUniqueOrThrow({ where: { generationId: id } });
    const net = entry.quotedUsd.minus(entry.refundedUsd);
    expect(entry.quotedUsd.toFixed(6)).toBe("0.345000");
    // The simulator makes 30 to 120 s, billed at $0.002875 a second.
    expect(micros(net)).toBe(spentMicros());
    expect(net.lessThanOrEqualTo(entry.quotedUsd)).toBe(true);
    if (net.lessThan(entry.quotedUsd)) expect(entry.refundedAt).toEqual(expect.any(Date));
    const track = await harness.prisma.track.findUniqueOrThrow({ where: { generationId: id } });
    expect(micros(net)).toBe(micros(settledUsd(entry.quotedUsd, 120, Math.round(track.durationMs / 1000))));

    expect(await getGeneration(id, harness.deps)).toMatchObject({ status: "completed", quotedUsd: 0.345, settledUsd: net.toNumber() });
  });

  it("leaves every other model's charge as quoted", async () => {
    const { id } = await submit("mmaudio-v2-text-to-audio", { prompt: "Rain on a tin roof", duration_seconds: 2 });
    expect((await waitForStatus(harness.prisma, id)).status).toBe("completed");
    const entry = await harness.prisma.ledgerEntry.findUniqueOrThrow({ where: { generationId: id } });
    expect(entry.refundedUsd.isZero()).toBe(true);
    expect(await getGeneration(id, harness.deps)).toMatchObject({ settlesOnLength: false, settledUsd: null });
  });
});

describe("the settled amount", () => {
  it.each([
    ["0.345", 45, "0.129375"],
    ["0.345", 120, "0.345"],
    // Never more than was held, whatever the length reported.
    ["0.345", 130, "0.345"],
    ["0.345", 0, "0"],
    // A micro-dollar fraction rounds up, as Venice bills whole micro-dollars.
    ["0.1", 1, "0.000834"],
  ])("of %s held for 120 s, for %d s, is %s", (quoted, seconds, settled) => {
    expect(settledUsd(new Prisma.Decimal(quoted), 120, seconds).toString()).toBe(settled);
  });
});
