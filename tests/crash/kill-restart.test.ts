// kill -9 of the whole studio server at random points of the generation lifecycle, then a
// restart, over and over. Venice (the simulator, in this test process) keeps its state across
// the kills, as the real one would. At the end every job must have reached an end state, no
// job may have been queued twice, and every job Venice charged must be either a stored,
// verified track or a job the studio openly marked uncertain: no paid track silently lost.
//
// CRASH_TRIALS sets the number of kills (default 20); CRASH_SEED replays a run.
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
import { createTestDatabase, type TestDatabase } from "../support/database";
import { signUpOverHttp } from "../support/http-session";
import { unusedPort } from "../support/ports";
import { startStudioServer, type StudioEnv, type StudioServer } from "./studio-server";

const TRIALS = Number(process.env.CRASH_TRIALS ?? 20);
const SEED = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
// Kills land this long after a submit at most: past queue, polling, download and complete.
const MAX_KILL_DELAY_MS = 3_000;
const END_STATES = ["completed", "failed", "expired", "uncertain"];

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
let studioEnv: StudioEnv;
let port: number;
let server: StudioServer | undefined;
let sessionCookie: string;

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
  sim = await startVeniceSimulator({ port: 0, speed: 20, enableFaults: true, balanceUsd: 10_000, seed: SEED });
  dataDir = await mkdtemp(path.join(tmpdir(), "studio-crash-"));
  studioEnv = {
    DATABASE_URL: database.url,
    VENICE_API_BASE: sim.url,
    VENICE_API_KEY: sim.apiKey,
    DATA_DIR: dataDir,
    STORAGE_DIR: path.join(dataDir, "storage"),
  };
  port = await unusedPort();
  server = await startStudioServer(port, studioEnv);
  sessionCookie = await signUpOverHttp(server.url);
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

describe(`kill -9 of the studio at random points (seed ${SEED})`, () => {
  it(`loses no paid track and queues no job twice over ${TRIALS} kills`, async () => {
    const random = createRng(SEED);
    const batches: { prompt: string; takes: number }[] = [];
    const submissions: Promise<void>[] = [];

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
      await server!.kill9();
      server = await startStudioServer(port, studioEnv);
    }
    await Promise.all(submissions);
    const jobs = await waitForEveryJobToEnd(120_000);

    // Every job ended; with only crashes (no Venice faults), it ended stored or uncertain.
    expect(jobs.filter((job) => !END_STATES.includes(job.status)).map((job) => [job.id, job.status])).toEqual([]);
    expect(jobs.filter((job) => job.status !== "completed" && job.status !== "uncertain").map((job) => [job.status, job.errorMessage])).toEqual([]);

    const storage = new LocalDiskStorage(studioEnv.STORAGE_DIR);
    const queueCalls = sim.control.requests().filter((call) => call.endpoint === "queue");
    for (const { prompt, takes } of batches) {
      const batch = jobs.filter((job) => (job.request as { prompt: string }).prompt === prompt);
      // One Idempotency-Key, one batch, however often the submit was retried.
      expect(batch).toHaveLength(takes);
      const completed = batch.filter((job) => job.status === "completed");
      const uncertain = batch.filter((job) => job.status === "uncertain");
      // Every call Venice took (answered 200, or accepted before its answer was lost).
      const charged = queueCalls.filter(
        (call) => (call.body as { prompt?: string }).prompt === prompt && (call.status === 200 || call.fault === "hang"),
      ).length;
      expect(charged).toBeGreaterThanOrEqual(completed.length);
      expect(charged).toBeLessThanOrEqual(completed.length + uncertain.length);

      for (const job of completed) {
        const track = job.track!;
        expect(track).not.toBeNull();
        expect(await storage.stat(track.storageKey)).toEqual({ bytes: track.bytes });
        expect(await sha256Of(storage, track.storageKey)).toBe(track.sha256);
        expect(Array.isArray(track.peaks) && track.peaks.length > 0).toBe(true);
        // Cleaned up on Venice only after it was stored.
        expect(sim.control.job(job.queueId!)).toBeUndefined();
      }
    }
    const completedIds = jobs.filter((job) => job.status === "completed").map((job) => job.queueId);
    expect(new Set(completedIds).size).toBe(completedIds.length);
    console.log(
      `crash test (seed ${SEED}): ${TRIALS} kills, ${jobs.length} jobs: ` +
        `${completedIds.length} completed, ${jobs.filter((job) => job.status === "uncertain").length} uncertain`,
    );
  }, 900_000);
});
