// The short version of bench/load.ts: two studio instances on one database, sharing one Venice
// key, against a simulator that enforces Venice's per-minute rate limits; fewer jobs and a
// faster clock than the bench, the same targets (in Venice time).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { overspendUsd, raceCap, runConcurrentJobs, settleAtVenice, startTwoInstances, type TwoInstances } from "@/bench/harness/load";
import { cachedRenderer, scaledSimulatorOptions } from "@/bench/sim-studio";
import { LocalDiskStorage } from "@/lib/storage/local-disk-storage";
import { startVeniceSimulator, type VeniceSimulator } from "@/lib/venice-sim/server";
import { createTestDatabase, type TestDatabase } from "@/tests/support/database";

const SPEED = 50;
const JOBS = 10;
const SUBMITS = 50;
const TIMEOUT_MS = (20 * 60_000) / SPEED;

let database: TestDatabase;
let storageDir: string;
let sim: VeniceSimulator;
let studio: TwoInstances;

beforeAll(async () => {
  database = await createTestDatabase();
  storageDir = await mkdtemp(path.join(tmpdir(), "studio-load-"));
  sim = await startVeniceSimulator({ port: 0, ...scaledSimulatorOptions(SPEED), balanceUsd: 1_000, render: await cachedRenderer(), renderConcurrency: 64 });
  studio = await startTwoInstances({ databaseUrl: database.url, sim, storage: new LocalDiskStorage(storageDir), speed: SPEED });
});
afterAll(async () => {
  await studio?.stop();
  await sim?.close();
  await database?.drop();
  await rm(storageDir, { recursive: true, force: true });
});

describe("two instances under load", () => {
  it(`hold a studio cap and a member's cap against ${SUBMITS} concurrent submits each, and Venice queues only what was accepted`, { timeout: 120_000 }, async () => {
    const balanceBeforeUsd = sim.control.balanceUsd();
    sim.control.clearRequests();
    // The studio's race first: it needs a month with nothing spent yet.
    const races = [await raceCap(studio, "studio", "0.75", SUBMITS), await raceCap(studio, "member", "0.50", SUBMITS)];

    for (const race of races) {
      expect(race.unexpectedErrors, race.cap).toEqual([]);
      expect(race.accepted, race.cap).toBe(race.allowed);
      expect(overspendUsd(race).isZero(), race.cap).toBe(true);
    }
    expect(races.map((race) => [race.accepted, race.ledgerUsd.toFixed(2)])).toEqual([
      [25, "0.75"], // floor($0.75 / $0.03): exactly at the cap
      [16, "0.48"], // floor($0.50 / $0.03)
    ]);

    const venice = await settleAtVenice(studio, sim, races, balanceBeforeUsd, TIMEOUT_MS);
    expect(venice.queued).toBe(25 + 16);
    expect(venice.rateLimited).toBe(0);
    expect(venice.chargedUsd.toFixed(2)).toBe("1.23");
  });

  it(`run ${JOBS} concurrent jobs with at most 100 retrieve calls in any minute and no 429`, { timeout: 120_000 }, async () => {
    const load = await runConcurrentJobs(studio, sim, SPEED, JOBS, TIMEOUT_MS);
    expect(load.completed).toBe(JOBS);
    expect(load.rateLimited).toBe(0);
    expect(load.retrieveCalls).toBeGreaterThanOrEqual(JOBS);
    expect(load.peakRetrievesPerMinute).toBeLessThanOrEqual(100);
  });
});
