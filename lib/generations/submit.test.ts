import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ApiError } from "@/lib/errors";
import { getGeneration } from "./get-generation";
import { quoteDraft } from "./quote";
import { submitGeneration, type SubmitGenerationInput } from "./submit";
import { callsTo, findCatalogModel, insertGeneration, startHarness, type Harness } from "@/tests/support/generation-harness";

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

beforeEach(async () => {
  harness.sim.control.reset();
  harness.sim.control.setBalance(1_000);
  await harness.prisma.generation.deleteMany();
});

let keys = 0;
function submission(overrides: Partial<SubmitGenerationInput> = {}): SubmitGenerationInput {
  return {
    model: "ace-step-15",
    draft: { prompt: "A calm piano piece at dusk", duration_seconds: 120 },
    takes: 1,
    idempotencyKey: `key-${++keys}`,
    creatorId: "creator-1",
    ...overrides,
  };
}

async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

function veniceCallsOf(kind: "quote" | "queue") {
  return callsTo(harness.sim, kind);
}

describe("quoteDraft", () => {
  it("asks Venice for the price and multiplies it by the takes", async () => {
    expect(await quoteDraft({ model: "ace-step-15", draft: { prompt: "A calm piano piece", duration_seconds: 120 }, takes: 3 }, harness.deps)).toEqual({ usd: 0.15 });
    expect(veniceCallsOf("quote").map((call) => call.body)).toEqual([{ model: "ace-step-15", duration_seconds: 120 }]);
  });

  it("prices speech by the characters Venice will bill", async () => {
    const { usd } = await quoteDraft({ model: "elevenlabs-tts-v3", draft: { prompt: `  ${"x".repeat(2000)}  ` }, takes: 1 }, harness.deps);
    expect(usd).toBeCloseTo(0.23, 6);
    expect(veniceCallsOf("quote").map((call) => call.body)).toEqual([{ model: "elevenlabs-tts-v3", character_count: 2000 }]);
  });
});

describe("invalid requests never reach Venice", () => {
  const offlineAware = async (id: string) => {
    const model = await findCatalogModel(id === "offline-model" ? "stable-audio-25" : id);
    return model && (id === "offline-model" ? { ...model, id, offline: true } : model);
  };

  it.each([
    ["an unknown model", { model: "no-such-model" }, "model"],
    ["an offline model", { model: "offline-model", draft: { prompt: "A driving synthwave loop", duration_seconds: 30 } }, "model"],
    ["a prompt too short", { draft: { prompt: "short", duration_seconds: 60 } }, "prompt"],
    ["a duration the model does not offer", { draft: { prompt: "A calm piano piece", duration_seconds: 75 } }, "duration_seconds"],
    ["a field the model does not support", { draft: { prompt: "A calm piano piece", loop: true } }, "loop"],
    ["too many takes", { takes: 5 }, "takes"],
  ] as const)("refuses %s with a field error", async (_name, overrides, field) => {
    const input = submission(overrides as Partial<SubmitGenerationInput>);
    const deps = { ...harness.deps, findModel: offlineAware };
    const submitted = await refusal(submitGeneration(input, deps));
    const quoted = await refusal(quoteDraft(input, deps));
    for (const error of [submitted, quoted]) {
      expect(error.status).toBe(400);
      expect(Object.keys(error.fields ?? {})).toContain(field);
    }
    expect(harness.sim.control.requests()).toEqual([]);
    expect(await harness.prisma.generation.count()).toBe(0);
  });

  it("refuses a missing Idempotency-Key", async () => {
    expect((await refusal(submitGeneration(submission({ idempotencyKey: " " }), harness.deps))).status).toBe(400);
    expect(harness.sim.control.requests()).toEqual([]);
  });
});

describe("submitGeneration", () => {
  it("stores one pending job per take, priced by Venice, before anything is queued", async () => {
    const input = submission({ takes: 3, draft: { prompt: "  A calm piano piece at dusk ", duration_seconds: 120 } });
    const batch = await submitGeneration(input, harness.deps);

    expect(batch.quotedUsd).toBe(0.15);
    expect(batch.generations).toHaveLength(3);
    expect(batch.generations.every((generation) => generation.status === "pending")).toBe(true);
    const rows = await harness.prisma.generation.findMany({ where: { batchId: batch.batchId }, orderBy: { takeIndex: "asc" } });
    expect(rows.map((row) => row.id)).toEqual(batch.generations.map((generation) => generation.id));
    expect(rows.map((row) => [row.takeIndex, row.idempotencyKey, row.title, row.quotedUsd.toNumber()])).toEqual([
      [0, `${input.idempotencyKey}:0`, "A calm piano piece at dusk", 0.05],
      [1, `${input.idempotencyKey}:1`, "A calm piano piece at dusk", 0.05],
      [2, `${input.idempotencyKey}:2`, "A calm piano piece at dusk", 0.05],
    ]);
    for (const row of rows) {
      expect(row).toMatchObject({ model: "ace-step-15", creatorId: "creator-1", queueId: null, queueSentAt: null });
      expect(row.request).toEqual({ model: "ace-step-15", prompt: "A calm piano piece at dusk", duration_seconds: 120 });
    }
    expect(veniceCallsOf("quote")).toHaveLength(1);
    expect(veniceCallsOf("queue")).toHaveLength(0);
  });

  it("refuses a request the Venice balance cannot pay for, before storing or queueing anything", async () => {
    harness.sim.control.setBalance(0.12);
    const error = await refusal(submitGeneration(submission({ takes: 3 }), harness.deps));
    expect(error.status).toBe(402);
    // No VENICE_API_KEY in the tests' environment: demo mode, whose words say how to change the simulated balance.
    expect(error.message).toMatch(/^This costs \$0\.15 but the Venice balance is \$0\.12\. In demo mode the balance is simulated\. .*SIM_BALANCE_USD/);
    expect(error.message).not.toContain("venice.ai");
    expect(await harness.prisma.generation.count()).toBe(0);
    expect(veniceCallsOf("queue")).toHaveLength(0);
  });

  it("submits without a balance check when Venice cannot report the balance", async () => {
    harness.sim.control.injectFault({ kind: "error", status: 503, endpoint: "balance" });
    harness.sim.control.injectFault({ kind: "error", status: 503, endpoint: "rate_limits" });
    harness.sim.control.setBalance(0);
    const batch = await submitGeneration(submission(), harness.deps);
    expect(batch.generations).toHaveLength(1);
  });

  it("answers a repeated key with the generations it already made, without asking Venice again", async () => {
    const input = submission({ takes: 2 });
    const first = await submitGeneration(input, harness.deps);
    const again = await submitGeneration({ ...input, draft: { duration_seconds: 120, prompt: "A calm piano piece at dusk" } }, harness.deps);
    expect(again).toEqual(first);
    expect(veniceCallsOf("quote")).toHaveLength(1);
    expect(await harness.prisma.generation.count()).toBe(2);
  });

  it("refuses a repeated key with a different request", async () => {
    const input = submission();
    await submitGeneration(input, harness.deps);
    for (const changed of [{ draft: { prompt: "Another piano piece", duration_seconds: 120 } }, { takes: 2 }]) {
      const error = await refusal(submitGeneration({ ...input, ...changed }, harness.deps));
      expect(error.status).toBe(409);
    }
    expect(await harness.prisma.generation.count()).toBe(1);
  });

  it("makes one batch of two identical submits racing each other", async () => {
    const input = submission({ takes: 4 });
    const [a, b] = await Promise.all([submitGeneration(input, harness.deps), submitGeneration(input, harness.deps)]);
    expect(a).toEqual(b);
    expect(await harness.prisma.generation.count()).toBe(4);
  });
});

describe("getGeneration", () => {
  it("shows a submitted job", async () => {
    const { generations } = await submitGeneration(submission(), harness.deps);
    expect(await getGeneration(generations[0]!.id, harness.deps)).toEqual({
      id: generations[0]!.id,
      batchId: expect.any(String),
      status: "pending",
      model: "ace-step-15",
      title: "A calm piano piece at dusk",
      progress: 0,
      etaMs: null,
      error: null,
      retry: null,
      quotedUsd: 0.05,
      settlesOnLength: false,
      settledUsd: null,
      acceptedByVenice: false,
      trackId: null,
      createdAt: expect.any(Date),
    });
  });

  it("shows a running job's progress against Venice's expected time", async () => {
    const job = await insertGeneration(harness.prisma, { status: "processing", queueId: "q", queuedAt: new Date(Date.now() - 1_000), expectedMs: 4_000 });
    const view = (await getGeneration(job.id, harness.deps))!;
    expect(view.progress).toBeGreaterThanOrEqual(0.25);
    expect(view.progress).toBeLessThan(0.3);
    expect(view.etaMs).toBeGreaterThan(2_500);
    expect(view.etaMs).toBeLessThanOrEqual(3_000);
  });

  it("shows why a job ended without a track", async () => {
    const job = await insertGeneration(harness.prisma, {
      status: "failed",
      errorCode: "CONTENT_VIOLATION",
      errorMessage: "Refused.",
      suggestedPrompt: "A gentler prompt",
    });
    expect(await getGeneration(job.id, harness.deps)).toMatchObject({
      status: "failed",
      progress: 0,
      etaMs: null,
      error: { code: "CONTENT_VIOLATION", message: "Refused.", suggestedPrompt: "A gentler prompt" },
      trackId: null,
    });
  });

  it("finds nothing for an unknown or malformed id", async () => {
    expect(await getGeneration("5b0f7c52-9f6e-4a5b-8d3c-1e2f3a4b5c6d", harness.deps)).toBeNull();
    expect(await getGeneration("not-an-id", harness.deps)).toBeNull();
  });
});
