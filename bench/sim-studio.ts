// What the benches that run the studio's lifecycle against the Venice simulator share: a
// throwaway embedded PostgreSQL, time scaled down by the simulator's speed (Venice's rate
// windows, the worker's timings and its budgets alike, so every ratio between them is
// Venice's), the drafts they submit, and waiting for the studio's jobs to finish.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { AudioFormat } from "@/lib/audio/format";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import type { PrismaClient } from "@/lib/db/generated/client";
import { applyMigrations } from "@/lib/db/migrate";
import { DEFAULT_BACKOFF } from "@/lib/generations/backoff";
import { burstOf, DEFAULT_QUEUE_BUDGET, DEFAULT_RETRIEVE_BUDGET, type RateBudgetConfig } from "@/lib/generations/rate-budget";
import { DEFAULT_POLL_POLICY } from "@/lib/generations/schedule";
import { submitGeneration } from "@/lib/generations/submit";
import type { WorkerOptions } from "@/lib/generations/worker";
import { capabilities } from "@/lib/venice/capabilities";
import { musicModelSchema } from "@/lib/venice/schemas";
import { renderTrack } from "@/lib/venice-sim/audio/render";
import { SIM_MODELS } from "@/lib/venice-sim/catalog";
import type { VeniceSimulator, VeniceSimulatorOptions } from "@/lib/venice-sim/server";

/** Runs `work` against a fresh, migrated embedded PostgreSQL in a temp dir, then removes both. */
export async function withEmbeddedPostgres<T>(name: string, work: (databaseUrl: string, dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(tmpdir(), `bench-${name}-`));
  try {
    const postgres = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: 30000 + Math.floor(Math.random() * 20000) });
    try {
      await applyMigrations(postgres.url);
      return await work(postgres.url, dir);
    } finally {
      await postgres.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Venice's rolling one-minute rate window (40 queue, 120 retrieve calls), `speed` times shorter. */
export function scaledSimulatorOptions(speed: number): Pick<VeniceSimulatorOptions, "speed" | "rateLimitWindowMs"> {
  return { speed, rateLimitWindowMs: 60_000 / speed };
}

/** The worker's production timings and budgets, `speed` times faster. */
export function scaledWorkerSettings(speed: number): WorkerOptions {
  const scaled = (ms: number) => ms / speed;
  // The refill runs `speed` times faster; the burst stays the same number of calls.
  const scaledBudget = (config: RateBudgetConfig): RateBudgetConfig => {
    const burst = burstOf(config);
    return { perMinute: (config.perMinute - burst) * speed + burst, burst };
  };
  return {
    poll: {
      minIntervalMs: scaled(DEFAULT_POLL_POLICY.minIntervalMs),
      maxIntervalMs: scaled(DEFAULT_POLL_POLICY.maxIntervalMs),
      callCostMs: scaled(DEFAULT_POLL_POLICY.callCostMs),
    },
    backoff: { baseMs: scaled(DEFAULT_BACKOFF.baseMs), maxMs: scaled(DEFAULT_BACKOFF.maxMs) },
    retrieveBudget: scaledBudget(DEFAULT_RETRIEVE_BUDGET),
    queueBudget: scaledBudget(DEFAULT_QUEUE_BUDGET),
    budgetHoldMs: scaled(2_000),
  };
}

// Three music models of different lengths (P80 30 s, 20 s, 75 s), taken in turn.
export const BENCH_DRAFTS = [
  { model: "ace-step-15", request: { duration_seconds: 60 } },
  { model: "stable-audio-25", request: { duration_seconds: 30 } },
  { model: "elevenlabs-music", request: { duration_seconds: 30 } },
] as const;

/** The /audio/queue body of the `i`-th job of a round. */
export function benchQueueBody(i: number, round: string) {
  const draft = BENCH_DRAFTS[i % BENCH_DRAFTS.length]!;
  return { model: draft.model, prompt: `${round} job ${i}: a short piece for the benchmark`, ...draft.request };
}

/** Submits `count` jobs of a round at once, through the studio's submit; their generation ids. */
export async function submitAll(deps: Parameters<typeof submitGeneration>[1], round: string, count: number): Promise<string[]> {
  const batches = await Promise.all(
    Array.from({ length: count }, (_, i) => {
      const { model, ...draft } = benchQueueBody(i, round);
      return submitGeneration({ model, draft, takes: 1, idempotencyKey: `${round}-${i}`, creatorId: "bench" }, deps);
    }),
  );
  return batches.map((batch) => batch.generations[0]!.id);
}

/** Waits until every job completed; throws as soon as one ended any other way, or after `timeoutMs`. */
export async function waitForStudio(prisma: PrismaClient, ids: string[], timeoutMs = Infinity) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const jobs = await prisma.generation.findMany({ where: { id: { in: ids } } });
    const unfinished = jobs.filter((job) => job.status !== "completed");
    if (unfinished.some((job) => ["failed", "expired", "uncertain"].includes(job.status))) {
      throw new Error(`a studio job ended badly: ${JSON.stringify(unfinished.map((job) => [job.status, job.errorMessage]))}`);
    }
    if (unfinished.length === 0) return jobs;
    if (Date.now() > deadline) throw new Error(`${unfinished.length} of ${ids.length} studio jobs unfinished after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The simulator's renderer, once per format: rendering is not what these benches measure. */
export async function cachedRenderer() {
  const audio = new Map<AudioFormat, Buffer>();
  for (const format of ["mp3", "wav", "flac"] as const) {
    audio.set(format, await renderTrack({ prompt: "a short piece for the benchmark", seconds: 10, format }));
  }
  return async ({ format }: { format: AudioFormat }) => audio.get(format)!;
}

/** The studio's view of a simulator model (its catalog, without a /models call). */
export async function findSimModel(id: string) {
  const model = SIM_MODELS.find((candidate) => candidate.id === id);
  return model && capabilities(musicModelSchema.parse(model));
}

/** How many calls the simulator answered with 429. */
export function count429(sim: VeniceSimulator): number {
  return sim.control.requests().filter((call) => call.status === 429).length;
}
