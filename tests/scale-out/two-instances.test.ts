// Two studio instances on one PostgreSQL (the test run's shared server) and one S3 bucket
// (s3rver), started at once from one checkout, against one Venice (the simulator, in this
// test process). 20 jobs are submitted to both; once instance A holds leases on jobs in
// flight it is killed with kill -9. Instance B must finish every job: each job's lease keeps
// it A's until the lease expires (30 s; B frees the leases of dead workers of its host only
// when it starts, which it did before A died), then B claims it and resumes it from its row.
// No job may reach Venice twice, every track must be in the bucket as stored, and the Venice
// budget is one for both instances.
//
// The jobs that may end otherwise are the ones A was queueing when it died: it had recorded
// that it was sending /audio/queue but not yet Venice's answer. Venice may have charged them,
// so B must mark them `uncertain` and never send them again. Venice answers every queue call
// seconds late here (having taken it at once) and every retrieve a little late, and A is
// killed while it waits for such a queue answer and also holds a job Venice accepted; which
// jobs A held is read from the database right after the kill, when A can no longer change
// anything.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { peakInWindow } from "@/bench/harness/load";
import { PrismaClient, type Generation } from "@/lib/db/generated/client";
import { DEFAULT_RETRIEVE_BUDGET } from "@/lib/generations/rate-budget";
import { startVeniceSimulator, type VeniceSimulator } from "@/lib/venice-sim/server";
import { startStudioServer, type StudioEnv, type StudioServer } from "../crash/studio-server";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { signUpOverHttp } from "../support/http-session";
import { unusedPort } from "../support/ports";
import { startS3Server, type S3Server } from "../support/s3";

const JOBS = 20;
// Venice 5× faster: these jobs take it 0.4 to 6 s.
const SIM_SPEED = 5;
const DRAFTS = [
  { model: "stable-audio-25", request: { duration_seconds: 10 } },
  { model: "mmaudio-v2-text-to-audio", request: { duration_seconds: 4 } },
  { model: "elevenlabs-sound-effects-v2", request: { duration_seconds: 2 } },
] as const;
const PAID_IN_FLIGHT = ["queued", "processing", "downloaded"];
// Slow answers keep the leases of the steps waiting for them held long enough to be seen.
// The queue answer is slow enough that A cannot receive it between the test seeing A wait
// for it and the kill, even on a busy machine.
const QUEUE_ANSWER_DELAY_MS = 4_000;
const RETRIEVE_ANSWER_DELAY_MS = 300;
// A call A had sent just before it died may be logged by the simulator (in this process) a
// moment after the kill; later calls are B's.
const STRAGGLER_MS = 1_000;
// The studio's lease (30 s), then the jobs still to queue under the shared queue budget.
const FINISH_TIMEOUT_MS = 120_000;

let database: TestDatabase;
let prisma: PrismaClient;
let s3: S3Server;
let sim: VeniceSimulator;
const dataDirs: string[] = [];
let instanceA: StudioServer | undefined;
let instanceB: StudioServer | undefined;
let cookie: string;

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
  s3 = await startS3Server();
  sim = await startVeniceSimulator({ port: 0, speed: SIM_SPEED, balanceUsd: 10_000 });
  sim.control.injectFault({ kind: "hang", endpoint: "queue", ms: QUEUE_ANSWER_DELAY_MS, execute: true, count: Infinity });
  sim.control.injectFault({ kind: "hang", endpoint: "retrieve", ms: RETRIEVE_ANSWER_DELAY_MS, count: Infinity });
  const shared = { DATABASE_URL: database.url, VENICE_API_BASE: sim.url, VENICE_API_KEY: sim.apiKey, ...s3.env };
  const startInstance = async (): Promise<StudioServer> => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "studio-scale-out-"));
    dataDirs.push(dataDir);
    return startStudioServer(await unusedPort(), { ...shared, DATA_DIR: dataDir } satisfies StudioEnv);
  };
  // At once, from one checkout: when the sources changed, one builds and the other waits for it.
  const [a, b] = await Promise.allSettled([startInstance(), startInstance()]);
  instanceA = a.status === "fulfilled" ? a.value : undefined;
  instanceB = b.status === "fulfilled" ? b.value : undefined;
  for (const started of [a, b]) if (started.status === "rejected") throw started.reason;
  cookie = await signUpOverHttp(instanceA!.url, database.url);
}, 600_000);

afterAll(async () => {
  await instanceA?.kill9();
  await instanceB?.kill9();
  await sim?.close();
  await s3?.close();
  await prisma?.$disconnect();
  await database?.drop();
  for (const dir of dataDirs) await rm(dir, { recursive: true, force: true });
});

async function submit(server: StudioServer, index: number): Promise<void> {
  const draft = DRAFTS[index % DRAFTS.length]!;
  const response = await fetch(`${server.url}/api/generations`, {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": `scale-out-${index}`, cookie, origin: server.url },
    body: JSON.stringify({ model: draft.model, request: { ...draft.request, prompt: promptOf(index) }, takes: 1 }),
  });
  expect(response.status, await response.clone().text()).toBe(202);
}

const promptOf = (index: number) => `Scale-out job ${index}: a short test sound`;
const promptOfJob = (job: Generation) => (job.request as { prompt: string }).prompt;

/** Whether lease owner "host:pid:random" is a worker of `server`: its pid is in the server's process group. */
function isWorkerOf(server: StudioServer, owner: string): boolean {
  try {
    const stat = readFileSync(`/proc/${owner.split(":").at(-2)}/stat`, "utf8");
    // "pid (comm) state ppid pgrp …"; comm may contain spaces and parentheses.
    const processGroup = stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2];
    return Number(processGroup) === server.pid;
  } catch {
    return false;
  }
}

/** Polls until a job is done and A holds both a job Venice accepted and one whose queue answer it awaits. */
async function waitForLeasesOfA(timeoutMs: number): Promise<void> {
  const ownersOfA = new Map<string, boolean>();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const completed = await prisma.generation.count({ where: { status: "completed" } });
    const leased = await prisma.generation.findMany({
      where: { leaseOwner: { not: null } },
      select: { status: true, leaseOwner: true, queueSentAt: true },
    });
    const heldByA = leased.filter(({ leaseOwner }) => {
      if (!ownersOfA.has(leaseOwner!)) ownersOfA.set(leaseOwner!, isWorkerOf(instanceA!, leaseOwner!));
      return ownersOfA.get(leaseOwner!);
    });
    const paid = heldByA.some((job) => PAID_IN_FLIGHT.includes(job.status));
    const queueing = heldByA.some((job) => job.status === "pending" && job.queueSentAt);
    if (completed > 0 && paid && queueing) return;
    if (Date.now() > deadline) throw new Error(`A never held a paid job and a queueing one at once (${completed} completed)`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function waitForEveryJobToEnd(timeoutMs: number): Promise<Generation[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const jobs = await prisma.generation.findMany({ orderBy: { createdAt: "asc" } });
    if (jobs.every((job) => ["completed", "failed", "expired", "uncertain"].includes(job.status)) || Date.now() > deadline) return jobs;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function sha256AndSizeInBucket(key: string): Promise<{ bytes: number; sha256: string }> {
  const client = new S3Client({
    endpoint: s3.env.S3_ENDPOINT,
    region: "us-east-1",
    forcePathStyle: true,
    credentials: { accessKeyId: s3.env.S3_ACCESS_KEY_ID, secretAccessKey: s3.env.S3_SECRET_ACCESS_KEY },
  });
  try {
    const object = await client.send(new GetObjectCommand({ Bucket: s3.env.S3_BUCKET, Key: key }));
    const hash = createHash("sha256");
    let bytes = 0;
    for await (const chunk of object.Body as Readable) {
      hash.update(chunk as Buffer);
      bytes += (chunk as Buffer).length;
    }
    return { bytes, sha256: hash.digest("hex") };
  } finally {
    client.destroy();
  }
}

/** The most calls of `endpoint` the simulator saw in any 60 s window. */
function mostCallsInAMinute(endpoint: string): number {
  const times = sim.control.requests().filter((call) => call.endpoint === endpoint).map((call) => Date.parse(call.time));
  return peakInWindow(times, 60_000);
}

describe("two studio instances on one database and one bucket", () => {
  it("never builds twice at once, and one session works on both", async () => {
    // When the sources changed, the first start builds and the other waits for that build
    // (building again only if the sources changed meanwhile): never two builds at once.
    const starts = [instanceA!, instanceB!].map((server) => server.output().split("\n").filter((line) => /^(Building|Waiting)/.test(line)));
    expect(starts.filter((lines) => lines[0]?.startsWith("Building")).length, JSON.stringify(starts)).toBeLessThanOrEqual(1);

    for (const server of [instanceA!, instanceB!]) {
      const response = await fetch(`${server.url}/api/generations?active=1`, { headers: { cookie, origin: server.url } });
      expect(response.status).toBe(200);
    }
  });

  it("B finishes every job after A is killed mid-way: none queued twice, all audio in the bucket", async () => {
    for (let index = 0; index < JOBS; index++) await submit(index % 2 === 0 ? instanceA! : instanceB!, index);

    await waitForLeasesOfA(60_000);
    await instanceA!.kill9();
    const killedAt = Date.now();
    // A is gone: the leases it held stay as they are until they expire.
    const strandedByA = (await prisma.generation.findMany({ where: { leaseOwner: { not: null } }, orderBy: { createdAt: "asc" } })).filter(
      (job) => !isWorkerOf(instanceB!, job.leaseOwner!),
    );
    const interruptedQueues = strandedByA.filter((job) => job.status === "pending" && job.queueSentAt !== null);
    expect(strandedByA.filter((job) => PAID_IN_FLIGHT.includes(job.status)).length).toBeGreaterThan(0);
    expect(interruptedQueues.length).toBeGreaterThan(0);

    const jobs = await waitForEveryJobToEnd(FINISH_TIMEOUT_MS);
    expect(jobs).toHaveLength(JOBS);
    // Every job completed, but the ones whose queue call A had sent without saving the answer.
    expect(jobs.filter((job) => job.status !== "completed").map((job) => [job.id, job.status, job.errorCode])).toEqual(
      interruptedQueues.map((job) => [job.id, "uncertain", "QUEUE_UNCONFIRMED"]),
    );

    const calls = sim.control.requests();
    expect(calls.filter((call) => call.status === 429)).toEqual([]);
    const queueCallsOf = (job: Generation) =>
      calls.filter((call) => call.endpoint === "queue" && (call.body as { prompt?: string }).prompt === promptOfJob(job));
    expect(jobs.filter((job) => queueCallsOf(job).length > 1).map(promptOfJob)).toEqual([]);
    expect(jobs.filter((job) => job.status === "completed" && queueCallsOf(job).length !== 1).map(promptOfJob)).toEqual([]);

    // B took over what A held, once A's lease had run out: it queued A's unsent jobs and
    // carried A's paid ones on; it never sent a job A had been queueing.
    const callsByB = calls.filter((call) => Date.parse(call.time) > killedAt + STRAGGLER_MS);
    for (const job of strandedByA) {
      const touchedByB = callsByB.filter((call) =>
        job.queueId
          ? (call.body as { queue_id?: string }).queue_id === job.queueId
          : call.endpoint === "queue" && (call.body as { prompt?: string }).prompt === promptOfJob(job),
      );
      if (interruptedQueues.includes(job)) {
        expect(touchedByB).toEqual([]);
        continue;
      }
      expect(touchedByB.length, `${job.id} (${job.status} when A died)`).toBeGreaterThan(0);
      expect(Date.parse(touchedByB[0]!.time)).toBeGreaterThanOrEqual(job.leaseExpiresAt!.getTime());
    }

    // Every track is in the bucket as the studio recorded it, and none on either instance's disk.
    const tracks = await prisma.track.findMany();
    expect(tracks).toHaveLength(jobs.filter((job) => job.status === "completed").length);
    for (const track of tracks) expect(await sha256AndSizeInBucket(track.storageKey)).toEqual({ bytes: track.bytes, sha256: track.sha256 });
    for (const dir of dataDirs) expect((await readdir(dir, { recursive: true })).filter((file) => file.includes("tracks"))).toEqual([]);

    // One retrieve budget for both instances: at most its rate in any minute.
    expect(mostCallsInAMinute("retrieve")).toBeLessThanOrEqual(DEFAULT_RETRIEVE_BUDGET.perMinute);
    console.log(
      `scale-out: A held ${strandedByA.length} jobs when killed (${strandedByA.filter((job) => PAID_IN_FLIGHT.includes(job.status)).length} paid, ` +
        `${interruptedQueues.length} mid-queue); B finished ${Math.round((Date.now() - killedAt) / 1000)} s after the kill; ` +
        `${mostCallsInAMinute("retrieve")} retrieves in the busiest minute`,
    );
  }, 240_000);
});
