import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { subscribeToGenerationEvents, type GenerationEvent, type GenerationEventSubscription } from "./events";
import { NEXT_STATUSES, transition } from "./state-machine";
import { createTestPrisma, insertGeneration, type TestPrisma } from "@/tests/support/generation-harness";

let db: TestPrisma;
let subscription: GenerationEventSubscription;
const events: GenerationEvent[] = [];

beforeAll(async () => {
  db = await createTestPrisma();
  subscription = await subscribeToGenerationEvents((event) => events.push(event), { databaseUrl: db.database.url });
});

afterAll(async () => {
  await subscription?.close();
  await db?.close();
});

async function eventsFor(id: string, count: number): Promise<GenerationEvent[]> {
  for (let i = 0; i < 200; i++) {
    const mine = events.filter((event) => event.id === id);
    if (mine.length >= count) return mine;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return events.filter((event) => event.id === id);
}

describe("the transitions table", () => {
  it("only moves forward: no status can be reached again from a later one", () => {
    const order = ["pending", "queued", "processing", "downloaded", "completed"];
    for (const [from, targets] of Object.entries(NEXT_STATUSES)) {
      for (const to of targets) {
        if (order.includes(from) && order.includes(to)) expect(order.indexOf(to)).toBeGreaterThan(order.indexOf(from));
      }
    }
    expect(NEXT_STATUSES.completed).toEqual([]);
    expect(NEXT_STATUSES.failed).toEqual([]);
    expect(NEXT_STATUSES.expired).toEqual([]);
  });
});

describe("transition", () => {
  it("moves a job with its data and tells every listener", async () => {
    const job = await insertGeneration(db.prisma);
    expect(await transition(db.prisma, job.id, "pending", "queued", { queueId: "q-1", queuedAt: new Date() })).toBe(true);
    const row = await db.prisma.generation.findUniqueOrThrow({ where: { id: job.id } });
    expect(row).toMatchObject({ status: "queued", queueId: "q-1" });
    expect(await eventsFor(job.id, 1)).toEqual([{ id: job.id, status: "queued", batchId: job.batchId }]);
  });

  it("lets exactly one of two racing movers win", async () => {
    const job = await insertGeneration(db.prisma);
    const results = await Promise.all([
      transition(db.prisma, job.id, "pending", "queued", { queueId: "winner-a" }),
      transition(db.prisma, job.id, "pending", "failed", { errorCode: "X", errorMessage: "loser" }),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const row = await db.prisma.generation.findUniqueOrThrow({ where: { id: job.id } });
    expect(row.status).toBe(results[0] ? "queued" : "failed");
    expect(await eventsFor(job.id, 1)).toHaveLength(1);
  });

  it("does nothing, and tells no one, when the job is not in the expected status", async () => {
    const job = await insertGeneration(db.prisma, { status: "processing" });
    expect(await transition(db.prisma, job.id, "queued", "processing", { expectedMs: 1 })).toBe(false);
    expect((await db.prisma.generation.findUniqueOrThrow({ where: { id: job.id } })).expectedMs).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(events.filter((event) => event.id === job.id)).toEqual([]);
  });

  it("refuses a move the table does not allow", async () => {
    const job = await insertGeneration(db.prisma, { status: "completed" });
    await expect(transition(db.prisma, job.id, "completed", "pending")).rejects.toThrow(/cannot move from completed to pending/);
    await expect(transition(db.prisma, job.id, "downloaded", "failed")).rejects.toThrow(/cannot move/);
  });

  it("commits or rolls back with the caller's transaction, and a rolled-back move is never announced", async () => {
    const job = await insertGeneration(db.prisma, { status: "processing" });
    await expect(
      db.prisma.$transaction(async (tx) => {
        expect(await transition(tx, job.id, "processing", "downloaded")).toBe(true);
        throw new Error("storage failed");
      }),
    ).rejects.toThrow("storage failed");
    expect((await db.prisma.generation.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("processing");
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(events.filter((event) => event.id === job.id)).toEqual([]);
  });
});
