// The client over real HTTP against the project's Venice simulator (lib/venice-sim), an
// independent implementation of Venice's published behaviour.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startVeniceSimulator, type VeniceSimulator } from "@/lib/venice-sim/server";
import { NO_LIMITS, stubRender } from "@/tests/support/venice-sim";
import { capabilities, type ModelCapabilities } from "./capabilities";
import { apiErrorFromVenice } from "@/lib/errors";
import { createVeniceClient, type VeniceClient } from "./client";
import { buildGenerationRequestSchema, toQueueBody, toQuoteBody } from "./generation-request";
import { failure, finishAndRetrieve } from "@/tests/support/venice-client";

const AUDIO_BYTES = 300_000; // several of the simulator's 64 KiB chunks

let sim: VeniceSimulator;
let client: VeniceClient;

beforeAll(async () => {
  sim = await startVeniceSimulator({
    port: 0,
    apiKey: "sim-test-key",
    speed: 1, // jobs stay PROCESSING until a test finishes them
    enableFaults: true,
    balanceUsd: 10_000,
    render: stubRender(AUDIO_BYTES),
    ...NO_LIMITS,
  });
  client = createVeniceClient({ baseUrl: sim.url, apiKey: sim.apiKey });
});

afterAll(async () => {
  await sim?.close();
});

async function queueValid(model: ModelCapabilities, draft: Record<string, unknown>): Promise<string> {
  const request = buildGenerationRequestSchema(model).parse(draft);
  const queued = await client.queue(toQueueBody(model.id, request));
  expect(queued).toMatchObject({ model: model.id, status: "QUEUED" });
  return queued.queue_id;
}

async function countBytes(body: ReadableStream<Uint8Array>): Promise<number> {
  const reader = body.getReader();
  let bytes = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) bytes += chunk.value.byteLength;
  return bytes;
}

describe("the lifecycle", () => {
  let models: ModelCapabilities[];

  beforeAll(async () => {
    const list = await client.listMusicModels();
    expect(list.skipped).toEqual([]);
    models = list.models.map(capabilities);
  });

  const model = (id: string) => {
    const found = models.find((candidate) => candidate.id === id);
    if (!found) throw new Error(`simulator lists no ${id}`);
    return found;
  };

  it("lists the 14 music models with parsed capabilities", () => {
    expect(models).toHaveLength(14);
    expect(model("ace-step-15").duration).toMatchObject({ kind: "options" });
    expect(model("elevenlabs-tts-v3").kind).toBe("speech");
  });

  it("quotes duration-tiered and per-character prices", async () => {
    const ace = model("ace-step-15");
    expect(await client.quote(toQuoteBody(ace, { prompt: "A calm piano piece", duration_seconds: 120 }))).toBe(0.05);
    const tts = model("elevenlabs-tts-v3");
    expect(await client.quote(toQuoteBody(tts, { prompt: "x".repeat(1000) }))).toBeCloseTo(0.115, 6);
  });

  it("queues, reports PROCESSING, streams the audio, completes, then answers 404", async () => {
    const ace = model("ace-step-15");
    const queueId = await queueValid(ace, { prompt: "A calm piano piece at dusk", duration_seconds: 90 });

    const first = await client.retrieve({ model: ace.id, queue_id: queueId });
    expect(first.status).toBe("PROCESSING");
    if (first.status === "PROCESSING") {
      expect(first.averageExecutionTime).toBeGreaterThan(0);
      expect(first.executionDuration).toBeGreaterThanOrEqual(0);
    }

    const done = await finishAndRetrieve(sim, client, ace.id, queueId);
    expect(done).toMatchObject({ format: "flac" });
    expect(await countBytes(done.body)).toBe(AUDIO_BYTES);

    expect(await client.complete({ model: ace.id, queue_id: queueId })).toBe(true);
    expect(await failure(client.retrieve({ model: ace.id, queue_id: queueId }))).toMatchObject({
      code: "NOT_FOUND",
      status: 404,
    });
  });

  it("queues every model's smallest and richest valid request", async () => {
    for (const caps of models) {
      const lyrics = caps.lyrics.mode === "required" ? { lyrics_prompt: "Neon rain on empty streets tonight" } : {};
      await queueValid(caps, { prompt: "A bright and busy city morning", ...lyrics });
      await queueValid(caps, {
        prompt: "A bright and busy city morning",
        ...(caps.lyrics.mode !== "hidden" ? { lyrics_prompt: "Neon rain on empty streets tonight" } : {}),
        ...(caps.duration ? { duration_seconds: caps.duration.kind === "options" ? caps.duration.options.at(-1) : caps.duration.max } : {}),
        ...(caps.instrumental ? { force_instrumental: false } : {}),
        ...(caps.lyricsOptimizer ? { lyrics_optimizer: false } : {}),
        ...(caps.loop ? { loop: true } : {}),
        ...(caps.voice ? { voice: caps.voice.options.at(-1) } : {}),
        ...(caps.speed ? { speed: caps.speed.max } : {}),
      });
    }
  });

  it("reads the balance", async () => {
    const balance = await client.balance();
    expect(balance?.usd).toBeGreaterThan(0);
    expect(balance!.usd).toBeLessThan(10_000);
  });
});

describe("errors over HTTP", () => {
  it("401 for a wrong key, without the key in the error", async () => {
    const wrongKey = "sk-wrong-key-0000";
    const intruder = createVeniceClient({ baseUrl: sim.url, apiKey: wrongKey });
    const error = await failure(intruder.queue({ model: "ace-step-15", prompt: "A calm piano piece" }));
    expect(error).toMatchObject({ code: "UNAUTHORIZED", status: 401 });
    expect(`${error.message} ${apiErrorFromVenice(error).message}`).not.toContain(wrongKey);
  });

  it("400 with field details for a request the studio would have refused", async () => {
    const error = await failure(client.queue({ model: "seed-audio-1-0", prompt: "A duet about summer", voice: "Nobody" }));
    expect(error).toMatchObject({ code: "BAD_REQUEST", status: 400 });
    expect(error.details).toMatchObject({ voice: { _errors: [expect.any(String)] }, supported_voices: expect.arrayContaining(["Tim"]) });
  });

  it("400 for a malformed queue id", async () => {
    const error = await failure(client.retrieve({ model: "ace-step-15", queue_id: "not-a-uuid" }));
    expect(error).toMatchObject({ code: "BAD_REQUEST" });
    expect(error.message).toContain("Request ID is invalid.");
  });

  it("422 with a suggested prompt", async () => {
    const error = await failure(client.queue({ model: "lyria-3-pro", prompt: "[sim:violation] a forbidden song" }));
    expect(error).toMatchObject({ code: "CONTENT_VIOLATION", status: 422 });
    expect(error.suggestedPrompt).toEqual(expect.any(String));
  });

  it("429 with Retry-After, and 503", async () => {
    sim.control.injectFault({ kind: "error", status: 429, endpoint: "quote", retryAfterSeconds: 7 });
    expect(await failure(client.quote({ model: "lyria-3-pro" }))).toMatchObject({ code: "RATE_LIMITED", retryAfterMs: 7000 });
    sim.control.injectFault({ kind: "error", status: 503, endpoint: "quote" });
    expect(await failure(client.quote({ model: "lyria-3-pro" }))).toMatchObject({ code: "UNAVAILABLE", status: 503 });
  });

  it("TIMEOUT when Venice does not answer", async () => {
    sim.control.injectFault({ kind: "hang", endpoint: "quote", ms: 2000 });
    const impatient = createVeniceClient({ baseUrl: sim.url, apiKey: sim.apiKey, timeoutMs: 200 });
    expect(await failure(impatient.quote({ model: "lyria-3-pro" }))).toMatchObject({ code: "TIMEOUT", status: 0 });
  });

  it("TRUNCATED while reading a download that is cut off", async () => {
    const queued = await client.queue({ model: "stable-audio-25", prompt: "A slow ambient drone" });
    sim.control.injectFault({ kind: "truncate", fraction: 0.5 });
    const done = await finishAndRetrieve(sim, client, "stable-audio-25", queued.queue_id);
    const error = await failure(countBytes(done.body));
    expect(error).toMatchObject({ code: "TRUNCATED" });

    // The media is still there: the download can be retried.
    const again = await finishAndRetrieve(sim, client, "stable-audio-25", queued.queue_id);
    expect(await countBytes(again.body)).toBe(AUDIO_BYTES);
  });
});
