// kill -9 of the whole studio server at random points of the generation lifecycle, then a
// restart, over and over. Venice (the simulator, in this test process) keeps its state across
// the kills, as the real one would. At the end every job must have reached an end state, no
// job may have been queued twice, and every job Venice charged must be either a stored,
// verified track or a job the studio openly marked uncertain: no paid track silently lost.
//
// The figures (paid tracks lost, duplicate queues, jobs stuck, uncertain, restart time) are
// printed through bench/report.ts before they are asserted, so a failing run still shows them.
// CRASH_TRIALS sets the number of kills (default 20; `npm run bench:crash` runs 200);
// CRASH_SEED replays a run.
import { createHash } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/db/generated/client";
import { LocalDiskStorage } from "@/lib/storage/local-disk-storage";
import { createRng } from "@/lib/venice-sim/timing";
import { startVeniceSimulator, type VeniceSimulator } from "@/lib/venice-sim/server";
import { reportFigures } from "../../bench/report";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { signUpOverHttp } from "../support/http-session";
import { unusedPort } from "../support/ports";
import { startStudioServer, type StudioEnv, type StudioServer } from "./studio-server";

const TRIALS = Number(process.env.CRASH_TRIALS ?? 20);
const SEED = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
// Kills land this long after a submit at most: past queue, polling, download and complete.
const MAX_KILL_DELAY_MS = 3_000;
const END_STATES = ["completed", "failed", "expired", "uncertain"];
// A restart takes seconds (no build: the sources did not change); 20 s a trial leaves room.
const TEST_TIMEOUT_MS = 300_000 + TRIALS * 20_000;

// Short jobs of every format; at speed 20 they take Venice 0.1 to 1.5 s.
const DRAFTS = [
  { model: "stable-audio-25", request: { duration_seconds: 10 } },
  { model: "elevenlabs-sound-effects-v2", request: { duration_seconds: 2 } },
  { model: "mmaudio-v2-text-to-audio", request: { duration_seconds: 2 } },
] as const;

let database: TestDatabase;
let prisma: PrismaClient;
let sim: VeniceSimulator;
let dataDir: string;
let storageDir: string;
let studioEnv: StudioEnv;
let port: number;
let server: StudioServer | undefined;
let sessionCookie: string;

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
  sim = await startVeniceSimulator({ port: 0, speed: 20, enableFaults: true, balanceUsd: 10_000, seed: SEED });
  dataDir = await mkdtemp(path.join(tmpdir(), "studio-crash-"));
  storageDir = path.join(dataDir, "storage");
  studioEnv = {
    DATABASE_URL: database.url,
    VENICE_API_BASE: sim.url,
    VENICE_API_KEY: sim.apiKey,
    DATA_DIR: dataDir,
    STORAGE_DIR: storageDir,
  };
  port = await unusedPort();
  server = await startStudioServer(port, studioEnv);
  sessionCookie = await signUpOverHttp(server.url, database.url);
}, 320_000);

afterAll(async () => {
  await server?.kill9();
  await sim?.close();
  await prisma?.$disconnect();
  await database?.drop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** POST /api/generations until the studio accepts it, across restarts, with one Idempotency-Key. */
async function submitUntilAccepted(key: string, body: unknown): Promise<void> {
  for (;;) {
    const response = await fetch(`http://127.0.0.1:${port}/api/generations`, {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": key, cookie: sessionCookie, origin: `http://127.0.0.1:${port}` },
      body: JSON.stringify(body),
    }).catch(() => undefined);
    if (response?.status === 202) return;
    if (response && response.status < 500) throw new Error(`submit refused: ${response.status} ${await response.text()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function waitForEveryJobToEnd(timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const jobs = await prisma.generation.findMany({ include: { track: true } });
    if (jobs.every((job) => END_STATES.includes(job.status)) || Date.now() > deadline) return jobs;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function sha256Of(storage: LocalDiskStorage, key: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of await storage.read(key)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

type Batch = { prompt: string; takes: number };
type Job = Awaited<ReturnType<typeof waitForEveryJobToEnd>>[number];

async function isStoredIntact(storage: LocalDiskStorage, track: NonNullable<Job["track"]>): Promise<boolean> {
  const stat = await storage.stat(track.storageKey).catch(() => undefined);
  if (stat?.bytes !== track.bytes) return false;
  return (await sha256Of(storage, track.storageKey)) === track.sha256 && Array.isArray(track.peaks) && track.peaks.length > 0;
}

/**
 * What the run left behind, each fact as the list of what breaks it. Per batch (one prompt,
 * `takes` jobs): the queue calls Venice took (answered 200, or accepted before its answer was
 * lost) were charged, so each must be a stored, intact track or a job marked uncertain.
 */
async function crashFacts(jobs: Job[], batches: Batch[]) {
  const storage = new LocalDiskStorage(storageDir);
  const queueCalls = sim.control.requests().filter((call) => call.endpoint === "queue");
  const facts = {
    stuck: jobs.filter((job) => !END_STATES.includes(job.status)).map((job) => `${job.id} ${job.status}`),
    // With only crashes (no Venice faults), a job ends stored or uncertain.
    endedOtherwise: jobs.filter((job) => job.status === "failed" || job.status === "expired").map((job) => `${job.status}: ${job.errorMessage}`),
    /** One Idempotency-Key, one batch of `takes` jobs, however often the submit was retried. */
    wrongBatchSizes: [] as string[],
    paidTracksLost: 0,
    lostIn: [] as string[],
    duplicateQueues: 0,
    queuedTwice: [] as string[],
    /** Completed tracks not cleaned up on Venice (complete is called only after storing). */
    leftOnVenice: [] as string[],
    /** More tracks than Venice charged for: one Venice job stored as two. */
    completedWithoutCharge: [] as string[],
    /** Completed jobs that claim another completed job's Venice queue_id. */
    sharedQueueIds: sharedQueueIdsOf(jobs),
    completed: jobs.filter((job) => job.status === "completed").length,
    uncertain: jobs.filter((job) => job.status === "uncertain").length,
  };
  for (const { prompt, takes } of batches) {
    const batch = jobs.filter((job) => (job.request as { prompt: string }).prompt === prompt);
    if (batch.length !== takes) facts.wrongBatchSizes.push(`${prompt}: ${batch.length} jobs for ${takes} takes`);
    const charged = queueCalls.filter(
      (call) => (call.body as { prompt?: string }).prompt === prompt && (call.status === 200 || call.fault === "hang"),
    ).length;
    const completed = batch.filter((job) => job.status === "completed");
    const uncertain = batch.filter((job) => job.status === "uncertain").length;
    let intact = 0;
    for (const job of completed) {
      if (job.track && (await isStoredIntact(storage, job.track))) intact++;
      if (job.queueId && sim.control.job(job.queueId)) facts.leftOnVenice.push(job.id);
    }
    if (completed.length > charged) facts.completedWithoutCharge.push(`${prompt}: ${completed.length} completed, ${charged} charged`);
    const lost = Math.max(0, charged - intact - uncertain);
    facts.paidTracksLost += lost;
    if (lost > 0) facts.lostIn.push(`${prompt}: ${charged} charged, ${completed.length} completed (${intact} intact), ${uncertain} uncertain`);
    const duplicates = Math.max(0, charged - takes);
    facts.duplicateQueues += duplicates;
    if (duplicates > 0) facts.queuedTwice.push(`${prompt}: ${charged} queue calls for ${takes} takes`);
  }
  return facts;
}

function sharedQueueIdsOf(jobs: Job[]): string[] {
  const queueIds = jobs.filter((job) => job.status === "completed").map((job) => job.queueId);
  return queueIds.filter((queueId, index) => queueIds.indexOf(queueId) !== index).map(String);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

describe(`kill -9 of the studio at random points (seed ${SEED})`, () => {
  it(`loses no paid track and queues no job twice over ${TRIALS} kills`, async () => {
    const random = createRng(SEED);
    const batches: Batch[] = [];
    const submissions: Promise<void>[] = [];
    const restartMs: number[] = [];
    const startedAt = Date.now();

    for (let trial = 0; trial < TRIALS; trial++) {
      const draft = DRAFTS[trial % DRAFTS.length]!;
      const prompt = `Crash trial ${trial}: a short test sound`;
      const takes = 1 + Math.floor(random() * 2);
      batches.push({ prompt, takes });
      // Now and then Venice answers a queue call slowly (having accepted it): a wider window
      // for a kill between sending /audio/queue and saving its answer.
      if (random() < 0.25) sim.control.injectFault({ kind: "hang", endpoint: "queue", ms: 500, execute: true });
      submissions.push(submitUntilAccepted(`crash-${SEED}-${trial}`, { model: draft.model, request: { ...draft.request, prompt }, takes }));

      await new Promise((resolve) => setTimeout(resolve, random() * MAX_KILL_DELAY_MS));
      const killedAt = performance.now();
      await server!.kill9();
      server = await startStudioServer(port, studioEnv);
      restartMs.push(performance.now() - killedAt);
    }
    const trialsMs = Date.now() - startedAt;
    await Promise.all(submissions);
    const jobs = await waitForEveryJobToEnd(120_000);
    const facts = await crashFacts(jobs, batches);

    reportFigures(
      "crash trials",
      [
        { figure: "kills", value: String(TRIALS) },
        { figure: "jobs", value: String(jobs.length) },
        { figure: "paid tracks lost", value: String(facts.paidTracksLost), target: "0", pass: facts.paidTracksLost === 0 },
        { figure: "duplicate queues", value: String(facts.duplicateQueues), target: "0", pass: facts.duplicateQueues === 0 },
        { figure: "jobs stuck non-terminal", value: String(facts.stuck.length), target: "0", pass: facts.stuck.length === 0 },
        { figure: "uncertain", value: String(facts.uncertain) },
        { figure: "restart after kill -9, median", value: `${(median(restartMs) / 1000).toFixed(1)} s` },
        { figure: "restart after kill -9, max", value: `${(Math.max(...restartMs) / 1000).toFixed(1)} s` },
        { figure: "one trial (submit, kill, restart), mean", value: `${(trialsMs / TRIALS / 1000).toFixed(1)} s` },
      ],
      `Seed ${SEED}: ${facts.completed} jobs completed, ${facts.uncertain} uncertain, in ${((Date.now() - startedAt) / 60_000).toFixed(1)} min. ` +
        "A kill lands up to 3 s after a submit (queue, polling, download and complete of short jobs at simulator speed 20); " +
        "a quarter of the queue calls answer 500 ms late, having been accepted.",
    );

    expect(facts.stuck).toEqual([]);
    expect(facts.lostIn).toEqual([]);
    expect(facts.queuedTwice).toEqual([]);
    expect(facts.endedOtherwise).toEqual([]);
    expect(facts.wrongBatchSizes).toEqual([]);
    expect(facts.leftOnVenice).toEqual([]);
    expect(facts.completedWithoutCharge).toEqual([]);
    expect(facts.sharedQueueIds).toEqual([]);
  }, TEST_TIMEOUT_MS);
});
