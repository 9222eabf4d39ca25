import "server-only";
import { randomBytes } from "node:crypto";
import { setMaxListeners } from "node:events";
import { hostname } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import type { Generation } from "@/lib/db/generated/client";
import { ensureDatabase } from "@/lib/db/database";
import { trackStorage } from "@/lib/storage/storage";
import type { TrackStorage } from "@/lib/storage/track-storage";
import { processSingleton } from "@/lib/process-singleton";
import { DEFAULT_BACKOFF } from "./backoff";
import { completeStep } from "./complete-step";
import { resolveDependencies, type GenerationDependencies } from "./dependencies";
import { subscribeToGenerationEvents } from "./events";
import { retryLater } from "./job-updates";
import { claimDueJobs, msUntilNextDue, releaseLeases, releaseLeasesOfGoneLocalWorkers, renewLease } from "./leases";
import { queueStep } from "./queue-step";
import { DEFAULT_QUEUE_BUDGET, DEFAULT_RETRIEVE_BUDGET } from "./rate-budget";
import { retrieveStep } from "./retrieve-step";
import { DEFAULT_POLL_POLICY } from "./schedule";
import type { WorkerContext, WorkerSettings } from "./worker-context";

// The in-process worker that carries every generation from pending to an end state. All of
// its state is in the generation rows: it claims due jobs under a lease, does one step of
// each, writes the outcome and when to look again, and sleeps until the next job is due or
// a new one is submitted (NOTIFY), never polling the database in a busy loop. Any number of
// workers, in one process or many, share the jobs and one Venice budget; a worker killed at
// any instant leaves leases that expire (or that its restarted successor on the same host
// frees at once), and the jobs resume from their rows.

export type WorkerOptions = Partial<Pick<GenerationDependencies, "prisma" | "venice" | "log">> &
  Partial<WorkerSettings> & {
    storage?: TrackStorage;
    /** The database to LISTEN on for new submits; pass it with `prisma`. Default: the studio's. */
    databaseUrl?: string;
    /** Steps running at once. */
    concurrency?: number;
    /** Looks for due work at least this often, whatever it was told. */
    idleWakeMs?: number;
  };

export type GenerationWorker = {
  owner: string;
  /**
   * Stops claiming, lets running steps finish (for at most `graceMs`, when given), hands back
   * the leases of any still running so another instance takes those jobs at once, and closes
   * the listener.
   */
  stop(options?: { graceMs?: number }): Promise<void>;
};

const DEFAULT_SETTINGS: WorkerSettings = {
  leaseMs: 30_000,
  retrieveBudget: DEFAULT_RETRIEVE_BUDGET,
  queueBudget: DEFAULT_QUEUE_BUDGET,
  poll: DEFAULT_POLL_POLICY,
  backoff: DEFAULT_BACKOFF,
  maxInferenceFailures: 5,
  keyRefusedRetryMs: 5 * 60_000,
  budgetHoldMs: 2_000,
};

const DEFAULT_CONCURRENCY = 8;
const DEFAULT_IDLE_WAKE_MS = 15_000;
// After the database itself failed, before trying again.
const DATABASE_RETRY_MS = 1_000;
// A job whose time has come but which another worker is claiming right now is due "now"
// for a moment; this keeps the loop from spinning on it.
const MIN_SLEEP_MS = 10;

export async function startWorker(options: WorkerOptions = {}): Promise<GenerationWorker> {
  const { prisma, venice, log } = await resolveDependencies(options, ["prisma", "venice", "log"]);
  const settings: WorkerSettings = {
    leaseMs: options.leaseMs ?? DEFAULT_SETTINGS.leaseMs,
    retrieveBudget: options.retrieveBudget ?? DEFAULT_SETTINGS.retrieveBudget,
    queueBudget: options.queueBudget ?? DEFAULT_SETTINGS.queueBudget,
    poll: options.poll ?? DEFAULT_SETTINGS.poll,
    backoff: options.backoff ?? DEFAULT_SETTINGS.backoff,
    maxInferenceFailures: options.maxInferenceFailures ?? DEFAULT_SETTINGS.maxInferenceFailures,
    keyRefusedRetryMs: options.keyRefusedRetryMs ?? DEFAULT_SETTINGS.keyRefusedRetryMs,
    budgetHoldMs: options.budgetHoldMs ?? DEFAULT_SETTINGS.budgetHoldMs,
  };
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const idleWakeMs = options.idleWakeMs ?? DEFAULT_IDLE_WAKE_MS;
  // The lease owner name; releaseLeasesOfGoneLocalWorkers reads the host and pid back from it.
  const owner = `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  const liveOwners = processSingleton("generation-worker-owners", () => new Set<string>());
  liveOwners.add(owner);
  const stopping = new AbortController();
  // Every step waiting for budget listens for the stop: more than Node's default of ten.
  setMaxListeners(concurrency + 1, stopping.signal);
  const ctx: WorkerContext = {
    prisma,
    venice,
    storage: options.storage ?? trackStorage(),
    log: log.child({ worker: owner }),
    owner,
    settings,
    stopping: stopping.signal,
  };

  // Wakes the loop early; a wake while the loop is busy is remembered for its next sleep.
  let woken = false;
  let interruptSleep: (() => void) | undefined;
  const wake = () => {
    woken = true;
    interruptSleep?.();
  };

  const subscription = await subscribeToGenerationEvents(
    (event) => {
      if (event.status === "pending") wake();
    },
    {
      databaseUrl: options.databaseUrl ?? (await ensureDatabase()),
      onResync: wake,
      // Once stopping, a lost connection is expected: a terminal's Ctrl+C stops PostgreSQL too.
      onError: (error) => ctx.log[stopping.signal.aborted ? "debug" : "warn"]({ err: error }, "generation events connection failed; reconnecting"),
    },
  );

  const released = await releaseLeasesOfGoneLocalWorkers(prisma, hostname(), liveOwners);
  if (released > 0) ctx.log.info({ released }, "resuming jobs of a worker that stopped without finishing them");

  const running = new Set<Promise<void>>();
  const launch = (job: Generation) => {
    const heartbeat = setInterval(() => {
      renewLease(prisma, job.id, owner, settings.leaseMs).catch((error: unknown) => ctx.log.warn({ err: error }, "lease renewal failed"));
    }, settings.leaseMs / 3);
    const step = runStep(ctx, job).finally(() => {
      clearInterval(heartbeat);
      running.delete(step);
      wake();
    });
    running.add(step);
  };

  const loop = (async () => {
    while (!stopping.signal.aborted) {
      woken = false;
      let sleepMs = idleWakeMs;
      try {
        const free = concurrency - running.size;
        if (free > 0) {
          for (const job of await claimDueJobs(prisma, { owner, limit: free, leaseMs: settings.leaseMs })) launch(job);
        }
        if (running.size < concurrency) {
          const dueInMs = await msUntilNextDue(prisma);
          if (dueInMs !== null) sleepMs = Math.min(idleWakeMs, Math.max(MIN_SLEEP_MS, Math.ceil(dueInMs)));
        }
      } catch (error) {
        ctx.log.error({ err: error }, "generation worker could not reach the database");
        sleepMs = DATABASE_RETRY_MS;
      }
      if (woken || stopping.signal.aborted) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, sleepMs);
        interruptSleep = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      interruptSleep = undefined;
    }
  })();

  ctx.log.info({ concurrency }, "generation worker started");
  let stopped: Promise<void> | undefined;
  return {
    owner,
    // Once: a second stop (a test's cleanup, a second signal) waits for the first.
    stop({ graceMs } = {}) {
      stopped ??= (async () => {
        stopping.abort();
        wake();
        await loop;
        const finished = Promise.allSettled(running).then(() => true);
        const inTime = graceMs === undefined ? await finished : await Promise.race([finished, sleep(graceMs).then(() => false)]);
        if (!inTime) {
          const handedBack = await releaseLeases(prisma, owner);
          ctx.log.warn({ handedBack }, "stopping with steps still running: their jobs are handed back");
        }
        await subscription.close();
        liveOwners.delete(owner);
      })();
      return stopped;
    },
  };
}

async function runStep(ctx: WorkerContext, job: Generation): Promise<void> {
  try {
    switch (job.status) {
      case "pending":
        return await queueStep(ctx, job);
      case "queued":
      case "processing":
        return await retrieveStep(ctx, job);
      case "downloaded":
        return await completeStep(ctx, job);
      default:
        throw new Error(`claimed a ${job.status} job`);
    }
  } catch (error) {
    ctx.log.error({ err: error, generationId: job.id, status: job.status }, "generation step failed");
    await retryLater(ctx, job, "worker").catch(() => {
      // The database is unreachable: the lease expires and the job is claimed again.
    });
  }
}
