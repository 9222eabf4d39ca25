import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { burstOf, pauseBudget, takeFromBudget } from "./rate-budget";
import { createTestPrisma, type TestPrisma } from "@/tests/support/generation-harness";

let db: TestPrisma;

beforeAll(async () => {
  db = await createTestPrisma();
});

afterAll(async () => {
  await db?.close();
});

describe("the shared rate budget", () => {
  it("grants its burst at once, then refuses with the wait until the next call is free", async () => {
    const config = { perMinute: 63, burst: 3 }; // the burst, then one call a second
    const decisions = [];
    for (let i = 0; i < 4; i++) decisions.push(await takeFromBudget(db.prisma, "retrieve", config));
    expect(decisions.slice(0, 3)).toEqual([{ granted: true }, { granted: true }, { granted: true }]);
    const refused = decisions[3]!;
    expect(refused.granted).toBe(false);
    if (!refused.granted) {
      expect(refused.waitMs).toBeGreaterThan(800);
      expect(refused.waitMs).toBeLessThanOrEqual(1_000);
    }
  });

  it("refills at its rate", async () => {
    const config = { perMinute: 301, burst: 1 }; // one call per 200 ms after the first
    expect(await takeFromBudget(db.prisma, "queue", config)).toEqual({ granted: true });
    expect((await takeFromBudget(db.prisma, "queue", config)).granted).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 220));
    expect(await takeFromBudget(db.prisma, "queue", config)).toEqual({ granted: true });
  });

  it("never grants more than the burst plus the refill (perMinute − burst) to many takers at once", async () => {
    const config = { perMinute: 605, burst: 5 }; // 10 a second after the burst
    await db.prisma.veniceRateBudget.deleteMany();
    const started = Date.now();
    const decisions = await Promise.all(Array.from({ length: 40 }, () => takeFromBudget(db.prisma, "retrieve", config)));
    const elapsedSeconds = (Date.now() - started) / 1000;
    const granted = decisions.filter((decision) => decision.granted).length;
    expect(granted).toBeGreaterThanOrEqual(5);
    expect(granted).toBeLessThanOrEqual(5 + Math.ceil(10 * elapsedSeconds));
  });

  it("keeps the burst to a tenth of the rate by default and never over half of it", () => {
    expect(burstOf({ perMinute: 100 })).toBe(10);
    expect(burstOf({ perMinute: 30 })).toBe(3);
    expect(burstOf({ perMinute: 10, burst: 8 })).toBe(5);
    expect(burstOf({ perMinute: 2 })).toBe(1);
  });

  it("pauses every taker after a 429 until Retry-After has passed", async () => {
    const config = { perMinute: 60_000 };
    expect(await takeFromBudget(db.prisma, "retrieve", config)).toEqual({ granted: true });
    await pauseBudget(db.prisma, "retrieve", 300);
    const paused = await takeFromBudget(db.prisma, "retrieve", config);
    expect(paused.granted).toBe(false);
    if (!paused.granted) expect(paused.waitMs).toBeGreaterThan(200);
    // A shorter pause later does not cut the longer one short.
    await pauseBudget(db.prisma, "retrieve", 10);
    expect((await takeFromBudget(db.prisma, "retrieve", config)).granted).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 320));
    expect(await takeFromBudget(db.prisma, "retrieve", config)).toEqual({ granted: true });
    // The queue budget is its own.
    expect(await takeFromBudget(db.prisma, "queue", config)).toEqual({ granted: true });
  });
});
