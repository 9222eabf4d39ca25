// Jobs left behind by a worker that died at an awkward moment, and several workers sharing
// one database: every job resumes from its row, none is queued or stored twice.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createVeniceClient } from "@/lib/venice/client";
import { sleep } from "@/tests/support/venice-sim";
import { unusedPort } from "@/tests/support/ports";
import { submitGeneration } from "./submit";
import {
  callsTo,
  expectStoredAsServed,
  insertGeneration,
  startHarness,
  waitForCompletion,
  waitForStatus,
  type Harness,
} from "@/tests/support/generation-harness";
import type { GenerationWorker } from "./worker";

let harness: Harness;
let workers: GenerationWorker[] = [];

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

beforeEach(() => {
  harness.sim.control.reset();
  harness.sim.control.setBalance(1_000);
});

afterEach(async () => {
  await Promise.all(workers.map((worker) => worker.stop()));
  workers = [];
});

async function worker(options: Parameters<Harness["startWorker"]>[0] = {}) {
  const started = await harness.startWorker(options);
  workers.push(started);
  return started;
}

let prompts = 0;
const nextPrompt = () => `A short recovery test loop ${++prompts}`;

/** A job Venice really has, as a dead worker left it: `status`, its lease run out. */
async function orphanedJob(status: "processing" | "downloaded") {
  const prompt = nextPrompt();
  const request = { model: "stable-audio-25", prompt, duration_seconds: 10 };
  const { queue_id } = await harness.venice.queue(request);
  const job = await insertGeneration(harness.prisma, {
    request,
    status,
    queueId: queue_id,
    queueSentAt: new Date(Date.now() - 2_000),
    queuedAt: new Date(Date.now() - 2_000),
    leaseOwner: "dead-worker",
    leaseExpiresAt: new Date(Date.now() - 1),
  });
  return { job, prompt, queueId: queue_id };
}

describe("after a crash", () => {
  it("a job whose queue call was sent but whose answer was never saved ends uncertain, and is not sent again", async () => {
    const job = await insertGeneration(harness.prisma, { queueSentAt: new Date(Date.now() - 5_000), leaseOwner: "dead-worker", leaseExpiresAt: new Date(Date.now() - 1) });
    await worker();
    expect(await waitForStatus(harness.prisma, job.id)).toMatchObject({
      status: "uncertain",
      errorCode: "QUEUE_UNCONFIRMED",
      errorMessage:
        "The studio lost touch while Venice was accepting this job, so it cannot tell whether Venice took it. It was not sent again. Check your Venice account before creating it again. Venice may have charged $0.19; your Venice account's usage shows whether it did.",
    });
    expect(callsTo(harness.sim, "queue")).toEqual([]);
  });

  it("a job left mid-download is fetched again and stored", async () => {
    const { job, prompt, queueId } = await orphanedJob("processing");
    await worker();
    await waitForCompletion(harness.prisma, job.id);
    await expectStoredAsServed(harness, job.id, prompt);
    expect(callsTo(harness.sim, "queue")).toHaveLength(1); // the test's own
    expect(callsTo(harness.sim, "complete").map((call) => call.body)).toEqual([{ model: "stable-audio-25", queue_id: queueId }]);
  });

  it("a job stored but not yet completed on Venice is completed, without fetching it again", async () => {
    const { job, queueId } = await orphanedJob("downloaded");
    await harness.prisma.track.create({
      data: {
        generationId: job.id,
        batchId: job.batchId,
        title: job.title,
        prompt: "stored before the crash",
        model: job.model,
        format: "flac",
        bytes: 1,
        durationMs: 1,
        sha256: "0",
        storageKey: `tracks/${job.id}.flac`,
        peaks: [],
        creatorId: job.creatorId,
      },
    });
    harness.sim.control.finishJob(queueId);
    await worker();
    await waitForCompletion(harness.prisma, job.id);
    expect(callsTo(harness.sim, "retrieve")).toEqual([]);
    expect(callsTo(harness.sim, "complete")).toHaveLength(1);
  });

  it("a stopped worker's jobs are finished by the next one", async () => {
    const first = await worker();
    const { generations } = await submitGeneration(
      { model: "elevenlabs-music", draft: { prompt: nextPrompt(), duration_seconds: 5 }, takes: 3, idempotencyKey: "restart", creatorId: "c" },
      harness.deps,
    );
    await waitForStatus(harness.prisma, generations[0]!.id, ["queued", "processing", "downloaded", "completed"]);
    await first.stop();
    await worker();
    for (const { id } of generations) await waitForCompletion(harness.prisma, id);
    expect(callsTo(harness.sim, "queue")).toHaveLength(3);
  });

  it("a worker stopping with a step still running hands its job back at once, not when the lease runs out", async () => {
    const { job, queueId } = await orphanedJob("processing");
    harness.sim.control.injectFault({ kind: "hang", endpoint: "retrieve" });
    const first = await worker({ leaseMs: 60_000 });
    await waitForRetrieveCall(queueId);

    const stoppedAt = Date.now();
    await first.stop({ graceMs: 300 });
    expect(Date.now() - stoppedAt).toBeLessThan(2_000);
    expect(await harness.prisma.generation.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ leaseOwner: null, leaseExpiresAt: null });
    // The next worker takes it at once: its 60 s lease did not have to run out.
    await worker();
    expect((await waitForCompletion(harness.prisma, job.id)).status).toBe("completed");
  });
});

async function waitForRetrieveCall(queueId: string): Promise<void> {
  const asked = () => callsTo(harness.sim, "retrieve").some((call) => (call.body as { queue_id?: string }).queue_id === queueId);
  while (!asked()) await sleep(20);
}

describe("Venice unreachable", () => {
  it("a job that could not be sent (connection refused) is sent once Venice can be reached", async () => {
    const unreachable = createVeniceClient({ baseUrl: `http://127.0.0.1:${await unusedPort()}/api/v1`, apiKey: harness.sim.apiKey });
    const offline = await worker({ venice: unreachable });
    const job = await insertGeneration(harness.prisma);
    const deadline = Date.now() + 10_000;
    let row = job;
    while (row.attempts < 2 && Date.now() < deadline) {
      await sleep(20);
      row = await harness.prisma.generation.findUniqueOrThrow({ where: { id: job.id } });
    }
    expect(row).toMatchObject({ status: "pending", queueSentAt: null });
    expect(row.attempts).toBeGreaterThanOrEqual(2);

    await offline.stop();
    await worker();
    await waitForCompletion(harness.prisma, job.id);
    expect(callsTo(harness.sim, "queue")).toHaveLength(1);
  });
});

describe("two workers on one database", () => {
  it("never work on the same job: each take is queued, stored and completed once", async () => {
    await worker({ concurrency: 2 });
    await worker({ concurrency: 2 });
    const batches = await Promise.all(
      [0, 1].map((batch) =>
        submitGeneration(
          { model: "stable-audio-25", draft: { prompt: nextPrompt(), duration_seconds: 10 }, takes: 4, idempotencyKey: `two-workers-${batch}`, creatorId: "c" },
          harness.deps,
        ),
      ),
    );
    const ids = batches.flatMap((batch) => batch.generations.map((generation) => generation.id));
    const jobs = await Promise.all(ids.map((id) => waitForCompletion(harness.prisma, id)));

    const queued = callsTo(harness.sim, "queue");
    expect(queued).toHaveLength(8);
    expect(new Set(jobs.map((job) => job.queueId)).size).toBe(8);
    const completes = callsTo(harness.sim, "complete").map((call) => (call.body as { queue_id: string }).queue_id);
    expect(completes.sort()).toEqual(jobs.map((job) => job.queueId!).sort());
    expect(await harness.prisma.track.count({ where: { generationId: { in: ids } } })).toBe(8);
  });

  it("share one retrieve budget", async () => {
    const budget = { perMinute: 240, burst: 2 }; // 4 a second
    // Left to themselves, these workers would poll each job every 20 ms.
    const eager = { retrieveBudget: budget, poll: { minIntervalMs: 20, maxIntervalMs: 20, callCostMs: 0 } };
    await worker(eager);
    await worker(eager);
    // Eight jobs whose audio takes the simulator a few seconds to render.
    const batches = await Promise.all(
      [0, 1].map((batch) =>
        submitGeneration(
          { model: "elevenlabs-music", draft: { prompt: nextPrompt(), duration_seconds: 20 }, takes: 4, idempotencyKey: `shared-budget-${batch}`, creatorId: "c" },
          harness.deps,
        ),
      ),
    );
    for (const { id } of batches.flatMap((batch) => batch.generations)) await waitForCompletion(harness.prisma, id);

    const times = callsTo(harness.sim, "retrieve").map((call) => new Date(call.time).getTime());
    expect(times.length).toBeGreaterThanOrEqual(4);
    for (const start of times) {
      const inOneSecond = times.filter((time) => time >= start && time < start + 1_000).length;
      expect(inOneSecond).toBeLessThanOrEqual(budget.burst + 4);
    }
  });

  it("both pause after a 429 until Retry-After has passed", async () => {
    await worker();
    await worker();
    harness.sim.control.injectFault({ kind: "error", status: 429, endpoint: "retrieve", retryAfterSeconds: 1 });
    const { generations } = await submitGeneration(
      { model: "elevenlabs-music", draft: { prompt: nextPrompt(), duration_seconds: 5 }, takes: 3, idempotencyKey: "shared-pause", creatorId: "c" },
      harness.deps,
    );
    for (const { id } of generations) await waitForCompletion(harness.prisma, id);

    const retrieves = callsTo(harness.sim, "retrieve");
    const limitedAt = new Date(retrieves.find((call) => call.status === 429)!.time).getTime();
    // Calls already on their way when the 429 arrived may land just after it; none is sent later.
    const during = retrieves.filter((call) => {
      const time = new Date(call.time).getTime();
      return time > limitedAt + 100 && time < limitedAt + 950;
    });
    expect(during).toEqual([]);
  });
});
