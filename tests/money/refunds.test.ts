// The ledger follows the money: every submit is charged its quote, a failed job is refunded
// in full (in the transaction that fails it), and an expired or uncertain one keeps its
// charge. Checked against the Venice simulator's own books, over HTTP, with a real worker.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { submitGeneration } from "@/lib/generations/submit";
import { transition } from "@/lib/generations/state-machine";
import { insertGeneration, startHarness, waitForStatus, type Harness } from "@/tests/support/generation-harness";

let harness: Harness;
const START_BALANCE = 1_000;

beforeAll(async () => {
  harness = await startHarness();
  await harness.startWorker();
});
afterAll(async () => {
  await harness?.close();
});
beforeEach(() => {
  harness.sim.control.clearFaults();
  harness.sim.control.setBalance(START_BALANCE);
});

let prompts = 0;
/** A two-second MMAudio effect: Venice quotes $0.00184, a charge smaller than a cent. */
async function submitJob(marker = "") {
  const { generations, quotedUsd } = await submitGeneration(
    {
      model: "mmaudio-v2-text-to-audio",
      draft: { prompt: `Rain on a tin roof, take ${++prompts} ${marker}`.trim(), duration_seconds: 2 },
      takes: 1,
      idempotencyKey: `refund-${prompts}`,
      creatorId: "creator-1",
    },
    harness.deps,
  );
  expect(quotedUsd).toBe(0.00184);
  return generations[0]!.id;
}

async function chargeOf(generationId: string) {
  const entry = await harness.prisma.ledgerEntry.findUniqueOrThrow({ where: { generationId } });
  return { quoted: entry.quotedUsd.toFixed(6), refunded: entry.refundedUsd.toFixed(6), refundedAt: entry.refundedAt };
}

const CHARGED = { quoted: "0.001840", refunded: "0.000000", refundedAt: null };
const REFUNDED = { quoted: "0.001840", refunded: "0.001840", refundedAt: expect.any(Date) };

describe("refunds follow the job's end", () => {
  it("a completed job keeps its charge", async () => {
    const id = await submitJob();
    expect((await waitForStatus(harness.prisma, id)).status).toBe("completed");
    expect(await chargeOf(id)).toEqual(CHARGED);
  });

  it("a job that fails during generation ([sim:fail]) is refunded in full", async () => {
    const id = await submitJob("[sim:fail]");
    expect((await waitForStatus(harness.prisma, id)).status).toBe("failed");
    expect(await chargeOf(id)).toEqual(REFUNDED);
  });

  it("a job Venice refused at queue ([sim:violation]) was never charged, so it is refunded in full", async () => {
    const id = await submitJob("[sim:violation]");
    expect((await waitForStatus(harness.prisma, id)).status).toBe("failed");
    expect(await chargeOf(id)).toEqual(REFUNDED);
  });

  it("an expired job ([sim:expire]) keeps its charge: Venice charged it", async () => {
    const id = await submitJob("[sim:expire]");
    expect((await waitForStatus(harness.prisma, id)).status).toBe("expired");
    expect(await chargeOf(id)).toEqual(CHARGED);
  });

  it("an uncertain job (queued, its answer lost) keeps its charge: Venice may have charged it", async () => {
    harness.sim.control.injectFault({ kind: "hang", endpoint: "queue", ms: 50, close: true, execute: true });
    const id = await submitJob();
    expect((await waitForStatus(harness.prisma, id)).status).toBe("uncertain");
    expect(await chargeOf(id)).toEqual(CHARGED);
  });

  it("the ledger's net matches what Venice took from the balance, to the micro-dollar", async () => {
    await harness.prisma.ledgerEntry.deleteMany();
    harness.sim.control.injectFault({ kind: "hang", endpoint: "queue", ms: 50, close: true, execute: true });
    expect((await waitForStatus(harness.prisma, await submitJob())).status).toBe("uncertain");
    const ids = [await submitJob(), await submitJob("[sim:fail]"), await submitJob("[sim:violation]"), await submitJob("[sim:expire]")];
    for (const id of ids) await waitForStatus(harness.prisma, id);
    const [row] = await harness.prisma.$queryRaw<{ net: string }[]>`SELECT SUM("quotedUsd" - "refundedUsd")::text AS net FROM "LedgerEntry"`;
    const spentMicros = Math.round((START_BALANCE - harness.sim.control.balanceUsd()) * 1_000_000);
    expect(spentMicros).toBe(3 * 1_840); // two charged jobs (one of them uncertain) and the expired one
    expect(row!.net).toBe("0.005520");
  });
});

describe("the refund is part of the move to failed", () => {
  /** A charged job in `processing` that the worker leaves alone (not due for an hour). */
  async function parkedChargedJob() {
    const job = await insertGeneration(harness.prisma, { status: "processing", queueId: `parked-${++prompts}`, nextAttemptAt: new Date(Date.now() + 3_600_000) });
    await harness.prisma.ledgerEntry.create({ data: { generationId: job.id, memberId: job.creatorId, model: job.model, quotedUsd: "0.00184" } });
    return job.id;
  }

  it("rolls back with the transition", async () => {
    const id = await parkedChargedJob();
    await expect(
      harness.prisma.$transaction(async (tx) => {
        expect(await transition(tx, id, "processing", "failed", { errorCode: "TEST" })).toBe(true);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await chargeOf(id)).toEqual(CHARGED);
  });

  it("refunds once when two movers race to fail the same job", async () => {
    const id = await parkedChargedJob();
    const moves = await Promise.all([
      transition(harness.prisma, id, "processing", "failed", { errorCode: "A" }),
      transition(harness.prisma, id, "processing", "failed", { errorCode: "B" }),
    ]);
    expect(moves.filter(Boolean)).toHaveLength(1);
    expect(await chargeOf(id)).toEqual(REFUNDED);
  });
});
