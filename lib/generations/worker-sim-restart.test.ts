// Demo mode across a studio restart: the simulator keeps its jobs in its state directory, so
// a job in flight when the studio stops is finished by the restarted studio (a new simulator
// on a new port, a new client, a new worker). And a job Venice no longer knows ends worded as
// Venice's doing, never as the creator's settings. (In this order: the second test stops the
// harness's simulator.)
import { createHash, randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createVeniceClient } from "@/lib/venice/client";
import { renderTrack, type RenderOptions } from "@/lib/venice-sim/audio/render";
import { startVeniceSimulator, type VeniceSimulator } from "@/lib/venice-sim/server";
import { sleep } from "@/tests/support/venice-sim";
import { submitGeneration } from "./submit";
import { callsTo, FAST_WORKER, insertGeneration, silentLog, startHarness, waitForCompletion, waitForStatus, type Harness } from "@/tests/support/generation-harness";
import { startWorker, type GenerationWorker } from "./worker";

// stable-audio-25's P80 is 20 s: 2 s here, so a job is still running when the studio stops,
// and done (at most 3 s after it was queued) by the time it is back.
const SPEED = 10;
const MAX_JOB_MS = (20_000 * 1.5) / SPEED;

let stateDir: string;
let harness: Harness;
const workers: GenerationWorker[] = [];
const restarted: VeniceSimulator[] = [];

beforeAll(async () => {
  stateDir = path.join(await mkdtemp(path.join(tmpdir(), "studio-demo-restart-")), "venice-sim");
  harness = await startHarness({ speed: SPEED, stateDir });
});

afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.stop()));
});

afterAll(async () => {
  await harness?.close();
  await Promise.all(restarted.map((sim) => sim.close()));
  await rm(path.dirname(stateDir), { recursive: true, force: true });
});

/** A worker of "the studio" talking to `sim`. */
async function studioWorker(sim: VeniceSimulator): Promise<GenerationWorker> {
  const venice = createVeniceClient({ baseUrl: sim.url, apiKey: sim.apiKey });
  const worker = await startWorker({ ...FAST_WORKER, prisma: harness.prisma, venice, storage: harness.storage, log: silentLog, databaseUrl: harness.database.url });
  workers.push(worker);
  return worker;
}

/** Renders as the harness's simulator does, recording what was served. */
async function recordingRender(options: RenderOptions): Promise<Buffer> {
  const audio = await renderTrack(options);
  harness.rendered.push({ prompt: options.prompt, sha256: createHash("sha256").update(audio).digest("hex"), bytes: audio.length });
  return audio;
}

describe("a job Venice no longer knows", () => {
  it("ends as lost by Venice (400 'Request ID is invalid.'), never as the creator's settings, not refunded", async () => {
    // A job Venice accepted, as its row says, whose queue_id that Venice has no record of.
    const job = await insertGeneration(harness.prisma, {
      status: "processing",
      queueId: randomUUID(),
      queueSentAt: new Date(Date.now() - 2_000),
      queuedAt: new Date(Date.now() - 2_000),
    });
    await harness.prisma.ledgerEntry.create({ data: { generationId: job.id, memberId: job.creatorId, model: job.model, quotedUsd: job.quotedUsd } });
    await studioWorker(harness.sim);
    const ended = await waitForStatus(harness.prisma, job.id);
    expect(ended).toMatchObject({
      status: "expired",
      errorCode: "JOB_UNKNOWN",
      errorMessage:
        "Venice accepted this job but later no longer recognised it, so the studio could not fetch the track. Your settings were fine. If the studio's Venice key was changed to another account since, that account cannot see it; otherwise create it again. Venice may have charged $0.19; your Venice account's usage shows whether it did.",
    });
    expect(callsTo(harness.sim, "retrieve").filter((call) => call.status === 400)).toHaveLength(1);
    // Venice may have kept the money: the studio's ledger keeps the charge.
    expect((await harness.prisma.ledgerEntry.findUniqueOrThrow({ where: { generationId: job.id } })).refundedAt).toBeNull();
  });
});

describe("a demo studio restarted while a job is in flight", () => {
  it("finishes the job with its track: the restarted simulator still knows it, charged once", async () => {
    const first = await studioWorker(harness.sim);
    const prompt = "A short loop made across a studio restart";
    const { generations } = await submitGeneration(
      { model: "stable-audio-25", draft: { prompt, duration_seconds: 10 }, takes: 1, idempotencyKey: "sim-restart", creatorId: "c" },
      harness.deps,
    );
    const id = generations[0]!.id;
    // Queued: Venice accepted (and charged) it; it ends in a MAX_JOB_MS or so.
    const inFlight = await waitForStatus(harness.prisma, id, ["queued", "processing", "downloaded", "completed", "failed", "expired", "uncertain"]);
    expect(["queued", "processing"]).toContain(inFlight.status);

    // The studio stops: its worker, then its in-process simulator.
    await first.stop();
    workers.splice(workers.indexOf(first), 1);
    const balance = harness.sim.control.balanceUsd();
    await harness.sim.close();
    await sleep(MAX_JOB_MS); // the job's time passes while the studio is down

    const sim = await startVeniceSimulator({ speed: SPEED, stateDir, render: recordingRender });
    restarted.push(sim);
    expect(sim.url).not.toBe(harness.sim.url);
    await studioWorker(sim);
    const done = await waitForCompletion(harness.prisma, id);

    expect(done.queueId).toBe(inFlight.queueId);
    expect(callsTo(sim, "queue")).toEqual([]);
    const track = await harness.prisma.track.findUniqueOrThrow({ where: { generationId: id } });
    // Whichever simulator rendered it, the audio is the same, and it is what was stored.
    const served = harness.rendered.filter((audio) => audio.prompt === prompt);
    expect(served.length).toBeGreaterThan(0);
    for (const audio of served) expect({ bytes: audio.bytes, sha256: audio.sha256 }).toEqual({ bytes: track.bytes, sha256: track.sha256 });
    expect(sim.control.balanceUsd()).toBe(balance);
    const ledger = await harness.prisma.ledgerEntry.findUniqueOrThrow({ where: { generationId: id } });
    expect(ledger.refundedAt).toBeNull();
  });
});
