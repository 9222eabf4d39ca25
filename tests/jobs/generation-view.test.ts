// What the studio tells the browser about a job that is waiting out trouble or ended without
// a track, read from a real worker driven by the simulator's faults (real PostgreSQL, Venice
// simulator over HTTP), and how a job card words it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { explainBatch } from "@/components/jobs/explain-batch";
import { explainJob } from "@/components/jobs/explain-job";
import type { Job } from "@/components/jobs/use-jobs";
import type { GenerationView } from "@/lib/generations/generation-view";
import { getGeneration } from "@/lib/generations/get-generation";
import { listActiveGenerations } from "@/lib/generations/list-active-generations";
import { submitGeneration } from "@/lib/generations/submit";
import { insertGeneration, startHarness, waitForStatus, type Harness } from "@/tests/support/generation-harness";

const CREATOR = "creator-follow";
// Slow enough backoff to watch a job between two of its tries.
const BACKOFF_MS = 3_000;

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
  await harness.startWorker({ backoff: { baseMs: BACKOFF_MS, maxMs: BACKOFF_MS }, maxInferenceFailures: 2 });
});

afterAll(async () => {
  await harness?.close();
});

beforeEach(async () => {
  harness.sim.control.clearFaults();
  harness.sim.control.setBalance(1_000);
  // A 429 of an earlier test pauses every call of its kind; start each test without it.
  await harness.prisma.veniceRateBudget.deleteMany();
});

let prompts = 0;
async function submitJob(marker = "") {
  const prompt = `A short follow test loop ${++prompts} ${marker}`.trim();
  const { generations } = await submitGeneration(
    { model: "stable-audio-25", draft: { prompt, duration_seconds: 10 }, takes: 1, idempotencyKey: `follow-${prompts}-${Date.now()}`, creatorId: CREATOR },
    harness.deps,
  );
  return generations[0]!.id;
}

const view = async (id: string) => (await getGeneration(id, harness.deps))!;

/** The view once `check` holds, polled as the browser would (faster). */
async function viewWhen(id: string, check: (view: GenerationView) => boolean, timeoutMs = 15_000): Promise<GenerationView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const current = await view(id);
    if (check(current)) return current;
    if (Date.now() > deadline) throw new Error(`view never matched; last: ${JSON.stringify(current)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The job card's words for a view, after the trip through JSON the browser gets. */
const explained = (generation: GenerationView) => explainJob(JSON.parse(JSON.stringify(generation)) as Job, "venice");

describe("the generation view", () => {
  it("a 429 at queue: waiting out Venice's Retry-After, nothing charged yet, the same in the list of jobs in flight", async () => {
    harness.sim.control.injectFault({ kind: "error", status: 429, endpoint: "queue", retryAfterSeconds: 30 });
    const id = await submitJob();
    const waiting = await viewWhen(id, (current) => current.retry !== null);
    expect(waiting).toMatchObject({ status: "pending", acceptedByVenice: false, quotedUsd: expect.any(Number), retry: { reason: "rate_limited" } });
    expect(waiting.retry!.inMs).toBeGreaterThan(25_000);
    expect(waiting.retry!.inMs).toBeLessThanOrEqual(30_000);
    const listed = (await listActiveGenerations(CREATOR, harness.deps)).find((generation) => generation.id === id)!;
    expect(listed.retry).toMatchObject({ reason: "rate_limited", inMs: expect.any(Number) });
    expect(explained(waiting)).toMatchObject({ title: "Waiting for Venice", moneySpent: "no" });
    expect(explained(waiting).detail).toMatch(/sends the job again in about (2[6-9]|30) s/);

    // Once the pause is over, the job says so.
    await harness.prisma.veniceRateBudget.deleteMany();
    expect((await view(id)).retry).toBeNull();
  });

  it("a 429 while following: waiting, already charged; then completed and paid", async () => {
    harness.sim.control.injectFault({ kind: "error", status: 429, endpoint: "retrieve", retryAfterSeconds: 2 });
    const id = await submitJob();
    const waiting = await viewWhen(id, (current) => current.retry !== null);
    expect(waiting).toMatchObject({ acceptedByVenice: true, retry: { reason: "rate_limited" } });
    expect(["queued", "processing"]).toContain(waiting.status);
    expect(explained(waiting)).toMatchObject({ tone: "waiting", moneySpent: "yes" });

    await waitForStatus(harness.prisma, id, ["completed"]);
    const done = await view(id);
    expect(done).toMatchObject({ status: "completed", retry: null, acceptedByVenice: true, trackId: expect.any(String) });
    expect(explained(done)).toMatchObject({ title: "Ready", moneySpent: "yes", money: null });
    expect(explainBatch([JSON.parse(JSON.stringify(done)) as Job])).toEqual({
      moneySpent: "yes",
      text: expect.stringMatching(/^Saved in your library · Venice charged \$\d+\.\d\d$/),
    });
  });

  it("inference errors: a retry with its count, then a refunded failure", async () => {
    const id = await submitJob("[sim:fail]");
    const retrying = await viewWhen(id, (current) => current.retry !== null);
    expect(retrying).toMatchObject({ acceptedByVenice: true, retry: { reason: "inference", failures: 1 } });
    expect(retrying.retry!.inMs).toBeLessThanOrEqual(BACKOFF_MS);
    expect(explained(retrying).title).toBe("Venice reported an error");

    await waitForStatus(harness.prisma, id, ["failed"]);
    const failed = await view(id);
    expect(failed).toMatchObject({ retry: null, acceptedByVenice: true, error: { code: "INFERENCE_FAILED" } });
    expect(explained(failed)).toMatchObject({ tone: "failed", moneySpent: "no", money: expect.stringMatching(/^Venice refunded the \$/) });
  });

  it("402 at queue: failed, never accepted, nothing charged", async () => {
    harness.sim.control.setBalance(0);
    // Past submit's own balance check, as when the balance runs out between submit and queue.
    const row = await insertGeneration(harness.prisma, { creatorId: CREATOR });
    await waitForStatus(harness.prisma, row.id, ["failed"]);
    const failed = await view(row.id);
    expect(failed).toMatchObject({ acceptedByVenice: false, retry: null, quotedUsd: 0.19, error: { code: "INSUFFICIENT_BALANCE" } });
    expect(explained(failed)).toMatchObject({ title: "Not enough Venice balance", moneySpent: "no", money: "Nothing was charged." });
  });

  it("expired: made and charged by Venice, lost before it was stored", async () => {
    const id = await submitJob("[sim:expire]");
    await waitForStatus(harness.prisma, id, ["expired"]);
    const expired = await view(id);
    expect(expired).toMatchObject({ acceptedByVenice: true, retry: null, trackId: null, error: { code: "EXPIRED" } });
    expect(explained(expired)).toMatchObject({ title: "Expired before it was saved", moneySpent: "yes" });
  });

  it("uncertain: the queue answer was lost; money may have been spent", async () => {
    // Venice takes (and charges) the job, but the connection drops before its answer.
    harness.sim.control.injectFault({ kind: "hang", endpoint: "queue", ms: 10, close: true, execute: true });
    const id = await submitJob();
    await waitForStatus(harness.prisma, id, ["uncertain"]);
    const uncertain = await view(id);
    expect(uncertain).toMatchObject({ acceptedByVenice: false, retry: null, error: { code: "QUEUE_UNCONFIRMED" } });
    expect(explained(uncertain)).toMatchObject({ title: "Outcome unknown", moneySpent: "maybe" });
  });
});
