// Helpers for the lifecycle's tests: a throwaway PostgreSQL database, the Venice simulator
// over real HTTP with its real renderer, local-disk storage in a temp folder, and workers
// pointed at all three. Only tests import this file.
import { createHash, randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pino from "pino";
import { expect } from "vitest";
import { PrismaClient, type Generation, type GenerationStatus, type Prisma } from "@/lib/db/generated/client";
import type { GenerationDependencies } from "@/lib/generations/dependencies";
import { startWorker, type GenerationWorker, type WorkerOptions } from "@/lib/generations/worker";
import { LocalDiskStorage } from "@/lib/storage/local-disk-storage";
import { capabilities, type ModelCapabilities } from "@/lib/venice/capabilities";
import { createVeniceClient, type VeniceClient, type VeniceClientOptions } from "@/lib/venice/client";
import { renderTrack, type RenderOptions } from "@/lib/venice-sim/audio/render";
import type { RequestLogEntry } from "@/lib/venice-sim/request-log";
import { startVeniceSimulator, type VeniceSimulator, type VeniceSimulatorOptions } from "@/lib/venice-sim/server";
import { createTestDatabase, type TestDatabase } from "./database";
import { CATALOG_MODELS } from "./model-catalog";

export const silentLog = pino({ level: "silent" });

/** The catalog as the studio parses it, straight from the simulator's models. */
export async function findCatalogModel(id: string): Promise<ModelCapabilities | undefined> {
  const model = CATALOG_MODELS.find((candidate) => candidate.id === id);
  return model && capabilities(model);
}

/** Fast, test-sized timings: the simulator runs 100× faster than Venice. */
export const SIM_SPEED = 100;

/** Worker settings scaled to the simulator's speed, and budgets that never get in the way. */
export const FAST_WORKER: WorkerOptions = {
  poll: { minIntervalMs: 20, maxIntervalMs: 300, callCostMs: 150 / SIM_SPEED },
  backoff: { baseMs: 20, maxMs: 200 },
  retrieveBudget: { perMinute: 60_000 },
  queueBudget: { perMinute: 60_000 },
  idleWakeMs: 1_000,
  leaseMs: 5_000,
};

export type TestPrisma = { database: TestDatabase; prisma: PrismaClient; close(): Promise<void> };

/** A Prisma client on a fresh, migrated database of its own. */
export async function createTestPrisma(): Promise<TestPrisma> {
  const database = await createTestDatabase();
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
  return {
    database,
    prisma,
    async close() {
      await prisma.$disconnect();
      await database.drop();
    },
  };
}

let rowCount = 0;

/** A generation row as submit would store it, with `overrides`. */
export async function insertGeneration(prisma: PrismaClient, overrides: Partial<Prisma.GenerationUncheckedCreateInput> = {}): Promise<Generation> {
  rowCount++;
  return prisma.generation.create({
    data: {
      batchId: randomUUID(),
      model: "stable-audio-25",
      request: { model: "stable-audio-25", prompt: `A short test loop number ${rowCount}`, duration_seconds: 10 },
      requestHash: "test",
      title: `Test ${rowCount}`,
      quotedUsd: 0.19,
      idempotencyKey: `test-${randomUUID()}:0`,
      creatorId: "tester",
      nextAttemptAt: new Date(),
      ...overrides,
    },
  });
}

export type Rendered = { prompt: string; sha256: string; bytes: number };

export type Harness = {
  database: TestDatabase;
  prisma: PrismaClient;
  sim: VeniceSimulator;
  venice: VeniceClient;
  storage: LocalDiskStorage;
  deps: GenerationDependencies;
  /** Every audio file the simulator rendered, so tests can compare what was served with what was stored. */
  rendered: Rendered[];
  startWorker(options?: WorkerOptions): Promise<GenerationWorker>;
  close(): Promise<void>;
};

export async function startHarness(
  simOptions: VeniceSimulatorOptions = {},
  clientOptions: Partial<VeniceClientOptions> = {},
): Promise<Harness> {
  const { database, prisma, close: closeDatabase } = await createTestPrisma();
  const rendered: Rendered[] = [];
  const sim = await startVeniceSimulator({
    port: 0,
    speed: SIM_SPEED,
    enableFaults: true,
    balanceUsd: 1_000,
    rateLimits: { queuePerMinute: 1_000_000, retrievePerMinute: 1_000_000 },
    errorBudget: { maxFailures: 1_000_000 },
    render: async (options: RenderOptions) => {
      const audio = await renderTrack(options);
      rendered.push({ prompt: options.prompt, sha256: createHash("sha256").update(audio).digest("hex"), bytes: audio.length });
      return audio;
    },
    ...simOptions,
  });
  const venice = createVeniceClient({ baseUrl: sim.url, apiKey: sim.apiKey, ...clientOptions });
  const storageDir = await mkdtemp(path.join(tmpdir(), "studio-generations-"));
  const storage = new LocalDiskStorage(storageDir);
  const deps: GenerationDependencies = { prisma, venice, findModel: findCatalogModel, log: silentLog };
  const workers: GenerationWorker[] = [];

  return {
    database,
    prisma,
    sim,
    venice,
    storage,
    deps,
    rendered,
    async startWorker(options = {}) {
      const worker = await startWorker({
        prisma,
        venice,
        storage,
        log: silentLog,
        databaseUrl: database.url,
        ...FAST_WORKER,
        ...options,
      });
      workers.push(worker);
      return worker;
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.stop()));
      await sim.close();
      await closeDatabase();
      await rm(storageDir, { recursive: true, force: true });
    },
  };
}

const END_STATES: GenerationStatus[] = ["completed", "failed", "expired", "uncertain"];

/** Waits until the generation reaches one of `statuses` (default: any end state). */
export async function waitForStatus(
  prisma: PrismaClient,
  id: string,
  statuses: GenerationStatus[] = END_STATES,
  timeoutMs = 20_000,
): Promise<Generation> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await prisma.generation.findUniqueOrThrow({ where: { id } });
    if (statuses.includes(job.status)) return job;
    if (Date.now() > deadline) throw new Error(`generation ${id} is still ${job.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Waits for the generation to end and fails, saying why, unless it completed. */
export async function waitForCompletion(prisma: PrismaClient, id: string): Promise<Generation> {
  const job = await waitForStatus(prisma, id);
  expect({ status: job.status, errorCode: job.errorCode, errorMessage: job.errorMessage }).toEqual({
    status: "completed",
    errorCode: null,
    errorMessage: null,
  });
  return job;
}

/** The simulator's log of calls to one endpoint. */
export function callsTo(sim: VeniceSimulator, endpoint: NonNullable<RequestLogEntry["endpoint"]>): RequestLogEntry[] {
  return sim.control.requests().filter((entry) => entry.endpoint === endpoint);
}

/** The stored track of a completed generation, checked against the audio the simulator served. */
export async function expectStoredAsServed(harness: Harness, generationId: string, prompt: string): Promise<void> {
  const track = await harness.prisma.track.findUniqueOrThrow({ where: { generationId } });
  const served = harness.rendered.filter((audio) => audio.prompt === prompt);
  expect(served).toHaveLength(1);
  expect({ bytes: track.bytes, sha256: track.sha256 }).toEqual({ bytes: served[0]!.bytes, sha256: served[0]!.sha256 });

  const file = await harness.storage.read(track.storageKey);
  const hash = createHash("sha256");
  for await (const chunk of file) hash.update(chunk as Buffer);
  expect(hash.digest("hex")).toBe(track.sha256);
  expect(Array.isArray(track.peaks) && track.peaks.length).toBeGreaterThan(0);
  expect(track.durationMs).toBeGreaterThan(0);
}
