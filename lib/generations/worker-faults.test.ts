// Every way Venice can misbehave, injected by the simulator, and the state each one ends in.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { submitGeneration } from "./submit";
import { callsTo, expectStoredAsServed, insertGeneration, startHarness, waitForCompletion, waitForStatus, type Harness } from "@/tests/support/generation-harness";

let harness: Harness;

beforeAll(async () => {
  // Short client timeouts, so a hung call fails fast (yet above the pauses a busy test
  // process, which also runs the simulator, can cause).
  harness = await startHarness({}, { timeoutMs: 2_000, streamIdleTimeoutMs: 2_000 });
  await harness.startWorker();
});

afterAll(async () => {
  await harness?.close();
});

beforeEach(() => {
  harness.sim.control.clearFaults();
  harness.sim.control.clearRequests();
  harness.sim.control.setBalance(1_000);
});

let prompts = 0;
/** Submits one short job; markers in `marker` steer the simulator. */
async function submitJob(marker = "") {
  const prompt = `A short test loop number ${++prompts} ${marker}`.trim();
  const { generations } = await submitGeneration(
    { model: "stable-audio-25", draft: { prompt, duration_seconds: 10 }, takes: 1, idempotencyKey: `fault-${prompts}`, creatorId: "creator-1" },
    harness.deps,
  );
  return { id: generations[0]!.id, prompt };
}

const millis = (iso: string) => new Date(iso).getTime();

describe("retrieve faults", () => {
  it("429 with Retry-After: waits as long as Venice asks, then completes", async () => {
    harness.sim.control.injectFault({ kind: "error", status: 429, endpoint: "retrieve", retryAfterSeconds: 1 });
    const { id, prompt } = await submitJob();
    await waitForCompletion(harness.prisma, id);
    await expectStoredAsServed(harness, id, prompt);

    const retrieves = callsTo(harness.sim, "retrieve");
    const limited = retrieves.findIndex((call) => call.status === 429);
    expect(limited).toBeGreaterThanOrEqual(0);
    expect(millis(retrieves[limited + 1]!.time) - millis(retrieves[limited]!.time)).toBeGreaterThanOrEqual(950);
  });

  it.each([
    ["a 500", { kind: "error", status: 500, endpoint: "retrieve" }],
    ["two 503s", { kind: "error", status: 503, endpoint: "retrieve", count: 2 }],
    ["a hung call (timeout)", { kind: "hang", endpoint: "retrieve" }],
    ["a dropped connection", { kind: "hang", endpoint: "retrieve", ms: 10, close: true }],
  ] as const)("%s: retried with backoff, then completes", async (_name, fault) => {
    harness.sim.control.injectFault(fault);
    const { id, prompt } = await submitJob();
    await waitForCompletion(harness.prisma, id);
    await expectStoredAsServed(harness, id, prompt);
    expect(callsTo(harness.sim, "retrieve").some((call) => call.fault !== undefined)).toBe(true);
  });

  it("a truncated download: fetched again, stored with the right bytes", async () => {
    harness.sim.control.injectFault({ kind: "truncate", fraction: 0.4 });
    const { id, prompt } = await submitJob();
    await waitForCompletion(harness.prisma, id);
    await expectStoredAsServed(harness, id, prompt);
    const audio = callsTo(harness.sim, "retrieve").filter((call) => call.contentType);
    expect(audio.map((call) => call.fault)).toEqual(["truncate", undefined]);
    expect(await harness.storage.stat(`tracks/${id}.flac`)).toEqual({ bytes: (await harness.prisma.track.findUniqueOrThrow({ where: { generationId: id } })).bytes });
  });

  it("404: the media expired before it was fetched", async () => {
    const { id } = await submitJob("[sim:expire]");
    const job = await waitForStatus(harness.prisma, id);
    expect(job).toMatchObject({
      status: "expired",
      errorCode: "EXPIRED",
      errorMessage: "Venice made this track, but it expired on Venice before the studio could fetch it. Create it again to get a new one. Venice charged $0.19 for it; an expired track is not refunded.",
    });
    expect(await harness.prisma.track.count({ where: { generationId: id } })).toBe(0);
  });

  it("other failures do not count towards a failed generation: four 503s then one 500 still complete", async () => {
    harness.sim.control.injectFault({ kind: "error", status: 503, endpoint: "retrieve", count: 4 });
    harness.sim.control.injectFault({ kind: "error", status: 500, endpoint: "retrieve", count: 1 });
    const { id, prompt } = await submitJob();
    await waitForCompletion(harness.prisma, id);
    await expectStoredAsServed(harness, id, prompt);
    const faulted = callsTo(harness.sim, "retrieve").filter((call) => call.fault !== undefined);
    expect(faulted.map((call) => call.status)).toEqual([503, 503, 503, 503, 500]);
  });

  it("a failed generation (persistent 500): given up after a few tries, refunded", async () => {
    const { id } = await submitJob("[sim:fail]");
    const job = await waitForStatus(harness.prisma, id);
    expect(job).toMatchObject({
      status: "failed",
      errorCode: "INFERENCE_FAILED",
      errorMessage: "Venice's model failed while making it. Creating it again usually works. Venice refunded the $0.19 it charged.",
    });
    expect(callsTo(harness.sim, "retrieve").filter((call) => call.status === 500)).toHaveLength(5);
    expect(harness.sim.control.balanceUsd()).toBe(1_000);
  });

  it("422 during generation: failed with Venice's suggested prompt, refunded", async () => {
    const { id } = await submitJob("[sim:violation-late]");
    const job = await waitForStatus(harness.prisma, id);
    expect(job).toMatchObject({ status: "failed", errorCode: "CONTENT_VIOLATION" });
    expect(job.errorMessage).toMatch(/content policy.*refunded/);
    expect(job.suggestedPrompt).toEqual(expect.any(String));
    expect(job.suggestedPrompt).not.toContain("[sim:");
    expect(callsTo(harness.sim, "retrieve").filter((call) => call.status === 422)).toHaveLength(1);
    expect(harness.sim.control.balanceUsd()).toBe(1_000);
  });

  it("400 during generation: failed at once, never retried", async () => {
    const { id } = await submitJob("[sim:invalid-late]");
    const job = await waitForStatus(harness.prisma, id);
    expect(job).toMatchObject({ status: "failed", errorCode: "BAD_REQUEST" });
    expect(job.errorMessage).toMatch(/rejected these settings.*refunded/);
    expect(callsTo(harness.sim, "retrieve").filter((call) => call.status === 400)).toHaveLength(1);
  });
});

describe("queue faults", () => {
  it("422 at queue: failed with the suggested prompt, nothing charged", async () => {
    const { id } = await submitJob("[sim:violation]");
    const job = await waitForStatus(harness.prisma, id);
    expect(job).toMatchObject({
      status: "failed",
      errorCode: "CONTENT_VIOLATION",
      errorMessage: "Venice's content policy refused this prompt. Reword it and create it again. Nothing was charged.",
      queueId: null,
    });
    expect(job.suggestedPrompt).toEqual(expect.any(String));
    expect(callsTo(harness.sim, "queue")).toHaveLength(1);
    expect(harness.sim.control.balanceUsd()).toBe(1_000);
  });

  it("402 at queue (the balance ran out after submit): failed, never retried", async () => {
    harness.sim.control.setBalance(0);
    const job = await insertGeneration(harness.prisma);
    const ended = await waitForStatus(harness.prisma, job.id);
    expect(ended).toMatchObject({ status: "failed", errorCode: "INSUFFICIENT_BALANCE" });
    // No VENICE_API_KEY in the tests' environment: demo mode's words, how to change the simulated balance.
    expect(ended.errorMessage).toMatch(/its balance is too low for it\. In demo mode .*SIM_BALANCE_USD.* Nothing was charged\.$/);
    expect(callsTo(harness.sim, "queue")).toHaveLength(1);
  });

  it("429 at queue: sent again after Retry-After, queued once", async () => {
    harness.sim.control.injectFault({ kind: "error", status: 429, endpoint: "queue", retryAfterSeconds: 1 });
    const { id } = await submitJob();
    await waitForCompletion(harness.prisma, id);
    const queues = callsTo(harness.sim, "queue");
    expect(queues.map((call) => call.status)).toEqual([429, 200]);
    expect(millis(queues[1]!.time) - millis(queues[0]!.time)).toBeGreaterThanOrEqual(950);
  });

  it("503 at queue (no capacity, nothing queued): sent again, queued once", async () => {
    harness.sim.control.injectFault({ kind: "error", status: 503, endpoint: "queue" });
    const { id } = await submitJob();
    await waitForCompletion(harness.prisma, id);
    expect(callsTo(harness.sim, "queue").map((call) => call.status)).toEqual([503, 200]);
  });

  it.each([
    ["the answer is lost (timeout after Venice queued it)", { kind: "hang", endpoint: "queue", execute: true }],
    ["Venice answers 500", { kind: "error", status: 500, endpoint: "queue" }],
  ] as const)("%s: uncertain, with an honest message, never sent again", async (_name, fault) => {
    harness.sim.control.injectFault(fault);
    const { id } = await submitJob();
    const job = await waitForStatus(harness.prisma, id);
    expect(job).toMatchObject({ status: "uncertain", errorCode: "QUEUE_UNCONFIRMED", queueId: null });
    expect(job.errorMessage).toBe(
      "The studio lost touch while Venice was accepting this job, so it cannot tell whether Venice took it. It was not sent again. Check your Venice account before creating it again. Venice may have charged $0.19; your Venice account's usage shows whether it did.",
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(callsTo(harness.sim, "queue")).toHaveLength(1);
  });
});

describe("complete faults", () => {
  it("retries /audio/complete until Venice confirms the cleanup", async () => {
    harness.sim.control.injectFault({ kind: "error", status: 503, endpoint: "complete", count: 2 });
    const { id } = await submitJob();
    await waitForCompletion(harness.prisma, id);
    expect(callsTo(harness.sim, "complete").map((call) => call.status)).toEqual([503, 503, 200]);
  });
});
