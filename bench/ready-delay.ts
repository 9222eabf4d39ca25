// bench/ready-delay: how soon a finished track is playable, and how many retrieve calls it
// took: the studio's worker against Venice's documented sample loop (retrieve every 3 s from
// enqueue, no backoff), in one run, on the simulator with its documented duration spread.
// Run: npx tsx --conditions=react-server bench/ready-delay.ts [jobs] [speed] [seed]
//      (default 20 jobs, speed 20, a random seed)
//
// Time is scaled down by `speed` for both contenders alike: the simulator's job times, the
// sample loop's 3 s, the worker's poll and backoff times, and Venice's per-minute limits
// (and the worker's budget under them) all run `speed` times faster; figures are printed in
// Venice time. Each contender has its own simulator with the same seed, so both see the same
// set of job durations. Audio is rendered once per format beforehand, so "finished" is the
// job's drawn execution time and rendering costs neither side anything. Before measuring,
// the worker sees ten warm-up jobs of each model, as a studio in use would have: it learns
// each model's spread from them.
//
// Delay = from the moment the simulator finished a job to the moment its track is playable:
// for the studio, its `downloaded` event (the file is stored and checksummed, its waveform and
// Track row committed); for the sample loop, its file written to disk.
// Targets: median delay ≤ 0.5× the sample loop's, p95 ≤ its p95, at ≤ 0.75× its retrieve
// calls; zero 429s for the studio with 20 concurrent jobs.

import { writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { PrismaPg } from "@prisma/adapter-pg";
import pino from "pino";
import { PrismaClient } from "@/lib/db/generated/client";
import { subscribeToGenerationEvents } from "@/lib/generations/events";
import { startWorker } from "@/lib/generations/worker";
import { LocalDiskStorage } from "@/lib/storage/local-disk-storage";
import { createVeniceClient, type VeniceClient } from "@/lib/venice/client";
import { VeniceError, type VeniceErrorCode } from "@/lib/venice/errors";
import { startVeniceSimulator, type VeniceSimulator } from "@/lib/venice-sim/server";
import { reportFigures } from "./report";
import {
  BENCH_DRAFTS,
  benchQueueBody,
  cachedRenderer,
  count429,
  findSimModel,
  scaledSimulatorOptions,
  scaledWorkerSettings,
  submitAll,
  waitForStudio,
  withEmbeddedPostgres,
} from "./sim-studio";

const JOBS = Number(process.argv[2]) || 20;
const SPEED = Number(process.argv[3]) || 20;
const SEED = Number(process.argv[4]) || Math.floor(Math.random() * 2 ** 31);

// Enough finished jobs of each model for the worker to learn its spread from.
const WARM_UP_JOBS = 10 * BENCH_DRAFTS.length;
const SAMPLE_LOOP_INTERVAL_MS = 3_000 / SPEED;
const log = pino({ level: "silent" });

type Outcome = { finishedAt: number; playableAt: number; retrieveCalls: number };

async function main(): Promise<void> {
  await withEmbeddedPostgres("ready-delay", run);
}

async function run(databaseUrl: string, dir: string): Promise<void> {
  const render = await cachedRenderer();
  const simOptions = {
    port: 0,
    // Venice's limits (40 queue and 120 retrieve calls a minute), in scaled time.
    ...scaledSimulatorOptions(SPEED),
    seed: SEED,
    balanceUsd: 100_000,
    render,
    renderConcurrency: 64,
  };
  const studioSim = await startVeniceSimulator(simOptions);
  const loopSim = await startVeniceSimulator(simOptions);
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  const studioVenice = createVeniceClient({ baseUrl: studioSim.url, apiKey: studioSim.apiKey });
  const loopVenice = createVeniceClient({ baseUrl: loopSim.url, apiKey: loopSim.apiKey });
  const finished = [watchFinishTimes(studioSim), watchFinishTimes(loopSim)] as const;

  const worker = await startWorker({
    prisma,
    venice: studioVenice,
    storage: new LocalDiskStorage(path.join(dir, "storage")),
    databaseUrl,
    log,
    concurrency: 32,
    // The worker's production settings, in scaled time.
    ...scaledWorkerSettings(SPEED),
  });
  const downloadedAt = new Map<string, number>();
  const events = await subscribeToGenerationEvents(
    (event) => {
      if (event.status === "downloaded") downloadedAt.set(event.id, Date.now());
    },
    { databaseUrl },
  );
  const deps = { prisma, venice: studioVenice, findModel: findSimModel, log };

  try {
    console.log(`bench/ready-delay: ${JOBS} concurrent jobs, simulator speed ${SPEED}, seed ${SEED}`);
    // Warm-up: the studio learns each model's spread; the sample loop's simulator draws the
    // same durations, so both measured rounds draw from the same place in the sequence.
    const warmUp = await submitAll(deps, "warm-up", WARM_UP_JOBS);
    await waitForStudio(prisma, warmUp);
    for (let i = 0; i < WARM_UP_JOBS; i++) await loopVenice.queue(benchQueueBody(i, "warm-up"));
    // Let both simulators' rate windows empty.
    await sleep(60_000 / SPEED);
    studioSim.control.clearRequests();
    loopSim.control.clearRequests();

    const [studio, loop] = await Promise.all([
      (async () => {
        const ids = await submitAll(deps, "measured", JOBS);
        const jobs = await waitForStudio(prisma, ids);
        return jobs.map((job) => ({
          finishedAt: finished[0].get(job.queueId!)!,
          playableAt: downloadedAt.get(job.id)!,
          retrieveCalls: job.retrieveCalls,
        }));
      })(),
      Promise.all(Array.from({ length: JOBS }, (_, i) => sampleLoop(loopVenice, i, dir, finished[1]))),
    ]);

    report(studio, loop, count429(studioSim), count429(loopSim));
  } finally {
    await events.close();
    await worker.stop();
    await prisma.$disconnect();
    await Promise.all([studioSim.close(), loopSim.close()]);
  }
}

// The failures a retrieve may get past: Venice busy, slow, unreachable or cut off.
const PASSING: ReadonlySet<VeniceErrorCode> = new Set(["RATE_LIMITED", "SERVER_ERROR", "UNAVAILABLE", "TIMEOUT", "TRUNCATED", "NETWORK"]);

/** Venice's example client: retrieve every 3 s from enqueue until audio, save it, complete. */
async function sampleLoop(venice: VeniceClient, i: number, dir: string, finished: Map<string, number>): Promise<Outcome> {
  const body = benchQueueBody(i, "measured");
  const { queue_id } = await venice.queue(body);
  const enqueuedAt = Date.now();
  let retrieveCalls = 0;
  for (let tick = 0; ; tick++) {
    await sleep(Math.max(0, enqueuedAt + tick * SAMPLE_LOOP_INTERVAL_MS - Date.now()));
    retrieveCalls++;
    let result;
    try {
      result = await venice.retrieve({ model: body.model, queue_id });
    } catch (error) {
      // The sample throws on anything but PROCESSING or audio; here it just tries next tick.
      if (error instanceof VeniceError && PASSING.has(error.code)) continue;
      throw error;
    }
    if (result.status === "PROCESSING") continue;
    await writeFile(path.join(dir, `loop-${i}.${result.format}`), Readable.fromWeb(result.body as NodeReadableStream<Uint8Array>));
    const playableAt = Date.now();
    await venice.complete({ model: body.model, queue_id });
    return { finishedAt: finished.get(queue_id)!, playableAt, retrieveCalls };
  }
}

/** When each simulator job finishes: enqueue time + its drawn execution time (audio is pre-rendered). */
function watchFinishTimes(sim: VeniceSimulator): Map<string, number> {
  const finished = new Map<string, number>();
  const look = () => {
    for (const job of sim.control.jobs()) {
      if (!finished.has(job.id)) finished.set(job.id, new Date(job.enqueuedAt).getTime() + job.executionMs);
    }
  };
  // Jobs stay listed until completed, at least a quarter of their model's P80.
  setInterval(look, 5).unref();
  return finished;
}

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!;
}

function summary(outcomes: Outcome[]) {
  // Delays in Venice time: scaled back up by the simulator's speed.
  const delays = outcomes.map((outcome) => ((outcome.playableAt - outcome.finishedAt) * SPEED) / 1000);
  return {
    median: percentile(delays, 0.5),
    p95: percentile(delays, 0.95),
    calls: outcomes.reduce((sum, outcome) => sum + outcome.retrieveCalls, 0) / outcomes.length,
  };
}

function report(studio: Outcome[], loop: Outcome[], studio429: number, loop429: number): void {
  const ours = summary(studio);
  const theirs = summary(loop);
  const ratio = (value: number) => `${value.toFixed(2)}×`;
  const row = (name: string, { median, p95, calls }: ReturnType<typeof summary>, rateLimited: number) =>
    `| ${name} | ${median.toFixed(2)} s | ${p95.toFixed(2)} s | ${calls.toFixed(2)} | ${rateLimited} |`;
  reportFigures(
    "ready-delay",
    [
      { figure: "median delay, worker ÷ sample loop", value: ratio(ours.median / theirs.median), target: "≤ 0.5×", pass: ours.median <= 0.5 * theirs.median },
      { figure: "p95 delay, worker ÷ sample loop", value: ratio(ours.p95 / theirs.p95), target: "≤ 1×", pass: ours.p95 <= theirs.p95 },
      { figure: "retrieve calls, worker ÷ sample loop", value: ratio(ours.calls / theirs.calls), target: "≤ 0.75×", pass: ours.calls <= 0.75 * theirs.calls },
      { figure: `worker 429s with ${JOBS} concurrent jobs`, value: String(studio429), target: "0", pass: studio429 === 0 },
    ],
    [
      `${JOBS} concurrent jobs, simulator speed ${SPEED}, seed ${SEED}; delays in Venice time.`,
      "",
      "| contender | delay median | delay p95 | retrieve calls/job | 429s |",
      "|---|---|---|---|---|",
      row("studio worker", ours, studio429),
      row("Venice's sample loop", theirs, loop429),
    ].join("\n"),
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
