// The load scenario of bench/load.ts, shared with its short version in the test suite
// (tests/reliability/load.test.ts): two studio instances (each its own database client and
// worker, sharing one database, one storage and one Venice key) against a simulator that
// enforces Venice's per-minute rate limits, with time scaled by the simulator's speed
// (bench/sim-studio.ts). Figures are in Venice time.

import { PrismaPg } from "@prisma/adapter-pg";
import pino from "pino";
import { ApiError } from "@/lib/errors";
import { calendarMonthOf } from "@/lib/spend/calendar-month";
import { monthSpendUsd } from "@/lib/spend/month-spend";
import { Prisma, PrismaClient } from "@/lib/db/generated/client";
import type { GenerationDependencies } from "@/lib/generations/dependencies";
import { quoteDraft } from "@/lib/generations/quote";
import { submitGeneration } from "@/lib/generations/submit";
import { startWorker, type GenerationWorker } from "@/lib/generations/worker";
import type { TrackStorage } from "@/lib/storage/track-storage";
import { createVeniceClient } from "@/lib/venice/client";
import type { VeniceSimulator } from "@/lib/venice-sim/server";
import { count429, findSimModel, scaledWorkerSettings, submitAll, waitForStudio } from "../sim-studio";

const VENICE_MINUTE_MS = 60_000;

export type Instance = { prisma: PrismaClient; deps: GenerationDependencies; worker: GenerationWorker };

export type TwoInstances = { instances: [Instance, Instance]; stop(): Promise<void> };

/** Two studio instances' worth of lifecycle: each its own Prisma client and worker (production concurrency). */
export async function startTwoInstances(options: {
  databaseUrl: string;
  sim: VeniceSimulator;
  storage: TrackStorage;
  speed: number;
}): Promise<TwoInstances> {
  const log = pino({ level: "silent" });
  const start = async (): Promise<Instance> => {
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: options.databaseUrl }) });
    const venice = createVeniceClient({ baseUrl: options.sim.url, apiKey: options.sim.apiKey });
    const worker = await startWorker({
      prisma,
      venice,
      storage: options.storage,
      databaseUrl: options.databaseUrl,
      log,
      ...scaledWorkerSettings(options.speed),
    });
    return { prisma, deps: { prisma, venice, findModel: findSimModel, log }, worker };
  };
  const instances: [Instance, Instance] = [await start(), await start()];
  return {
    instances,
    async stop() {
      for (const { worker, prisma } of instances) {
        await worker.stop();
        await prisma.$disconnect();
      }
    },
  };
}

export type ConcurrentJobsResult = {
  jobs: number;
  completed: number;
  retrieveCalls: number;
  /** The most retrieve calls the simulator received in any one Venice minute. */
  peakRetrievesPerMinute: number;
  /** Answers of 429 the studio saw, queue and retrieve alike. */
  rateLimited: number;
  /** From the first submit to the last completion, Venice minutes. */
  veniceMinutes: number;
};

/**
 * `jobs` submitted at once, half through each instance, run to completion by both workers
 * under the one shared budget. Expects no other jobs in flight.
 */
export async function runConcurrentJobs(studio: TwoInstances, sim: VeniceSimulator, speed: number, jobs: number, timeoutMs: number): Promise<ConcurrentJobsResult> {
  // Let earlier calls leave the simulator's rate window, then count from a clean log.
  await sleep(VENICE_MINUTE_MS / speed);
  sim.control.clearRequests();
  const startedAt = Date.now();
  const [a, b] = studio.instances;
  const half = Math.ceil(jobs / 2);
  const ids = (await Promise.all([submitAll(a.deps, "load-a", half), submitAll(b.deps, "load-b", jobs - half)])).flat();
  const finished = await waitForStudio(a.prisma, ids, timeoutMs);
  const retrieves = sim.control.requests().filter((call) => call.endpoint === "retrieve");
  return {
    jobs,
    completed: finished.filter((job) => job.status === "completed").length,
    retrieveCalls: retrieves.length,
    peakRetrievesPerMinute: peakInWindow(retrieves.map((call) => Date.parse(call.time)), VENICE_MINUTE_MS / speed),
    rateLimited: count429(sim),
    veniceMinutes: ((Date.now() - startedAt) * speed) / VENICE_MINUTE_MS,
  };
}

/** The most of `times` (ms) that fall in any window of `windowMs`. */
export function peakInWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((x, y) => x - y);
  let peak = 0;
  for (let first = 0, last = 0; last < sorted.length; last++) {
    while (sorted[last]! - sorted[first]! >= windowMs) first++;
    peak = Math.max(peak, last - first + 1);
  }
  return peak;
}

export type CapRaceResult = {
  cap: "member" | "studio";
  capUsd: Prisma.Decimal;
  priceUsd: Prisma.Decimal;
  submits: number;
  accepted: number;
  /** floor(cap / price): what the cap allows exactly. */
  allowed: number;
  /** Refusals that were anything but a 402 over the cap. */
  unexpectedErrors: string[];
  /** This month's ledger total of whoever the cap binds, after the race. */
  ledgerUsd: Prisma.Decimal;
  generationIds: string[];
};

// ACE-Step at 60 s, one take a submit.
const RACE_DRAFT = { model: "ace-step-15", draft: { prompt: "A calm piano piece at dusk", duration_seconds: 60 } };

/**
 * `submits` concurrent submits through the studio's submit, alternating between the two
 * instances, against one monthly cap: one member's (every submit theirs), or the studio's
 * (every submit by one of two uncapped members, in turn). The studio cap race needs a month
 * with nothing spent yet; the studio cap is cleared again afterwards.
 */
export async function raceCap(studio: TwoInstances, cap: "member" | "studio", capUsd: string, submits: number): Promise<CapRaceResult> {
  const { prisma } = studio.instances[0];
  const month = calendarMonthOf(new Date());
  const tag = `${cap}-race-${Date.now()}`;
  const members = cap === "member" ? [`${tag}-member`] : [`${tag}-ada`, `${tag}-bo`];
  for (const id of members) {
    await prisma.user.create({ data: { id, name: id, email: `${id}@studio.test`, monthlyCapUsd: cap === "member" ? capUsd : null } });
  }
  if (cap === "studio") {
    if (!(await monthSpendUsd(prisma, month)).isZero()) throw new Error("the studio cap race needs a month with nothing spent yet");
    await prisma.studioSettings.update({ where: { id: 1 }, data: { monthlyCapUsd: capUsd } });
  }
  const priceUsd = new Prisma.Decimal((await quoteDraft({ ...RACE_DRAFT, takes: 1 }, studio.instances[0].deps)).usd);

  const settled = await Promise.allSettled(
    Array.from({ length: submits }, (_, i) =>
      submitGeneration(
        { ...RACE_DRAFT, takes: 1, idempotencyKey: `${tag}-${i}`, creatorId: members[i % members.length]! },
        studio.instances[i % 2]!.deps,
      ),
    ),
  );
  if (cap === "studio") await prisma.studioSettings.update({ where: { id: 1 }, data: { monthlyCapUsd: null } });

  const accepted = settled.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
  const unexpectedErrors = settled.flatMap((result) =>
    result.status === "rejected" && !(result.reason instanceof ApiError && result.reason.status === 402) ? [String(result.reason)] : [],
  );
  const ledgerUsd = cap === "member" ? await monthSpendUsd(prisma, month, members[0]) : await monthSpendUsd(prisma, month);
  return {
    cap,
    capUsd: new Prisma.Decimal(capUsd),
    priceUsd,
    submits,
    accepted: accepted.length,
    allowed: new Prisma.Decimal(capUsd).dividedToIntegerBy(priceUsd).toNumber(),
    unexpectedErrors,
    ledgerUsd,
    generationIds: accepted.flatMap((batch) => batch.generations.map((generation) => generation.id)),
  };
}

/** What the races' overspend figure shows: how far the ledger went past the cap, never below 0. */
export function overspendUsd(race: CapRaceResult): Prisma.Decimal {
  return Prisma.Decimal.max(0, race.ledgerUsd.minus(race.capUsd));
}

export type VeniceSpend = { queued: number; chargedUsd: Prisma.Decimal; rateLimited: number };

/**
 * Runs the races' accepted jobs to completion, then says what reached Venice since the log
 * was last cleared: successful /audio/queue calls, what Venice charged for them, and the 429s
 * the studio saw on the way.
 */
export async function settleAtVenice(studio: TwoInstances, sim: VeniceSimulator, races: CapRaceResult[], balanceBeforeUsd: number, timeoutMs: number): Promise<VeniceSpend> {
  await waitForStudio(studio.instances[0].prisma, races.flatMap((race) => race.generationIds), timeoutMs);
  return {
    queued: sim.control.requests().filter((call) => call.endpoint === "queue" && call.status === 200).length,
    chargedUsd: new Prisma.Decimal(balanceBeforeUsd).minus(sim.control.balanceUsd()),
    rateLimited: count429(sim),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
