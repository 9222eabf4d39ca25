import { describe, expect, it } from "vitest";
import {
  billingBalanceResponseSchema,
  completeAudioRequestSchema,
  completeAudioResponseSchema,
  contentViolationErrorSchema,
  detailedErrorSchema,
  modelListEnvelopeSchema,
  musicModelSchema,
  musicPricingSchema,
  parseQueueBody,
  queueAudioRequestSchema,
  queueAudioResponseSchema,
  quoteAudioRequestSchema,
  quoteAudioResponseSchema,
  rateLimitsResponseSchema,
  retrieveAudioRequestSchema,
  retrieveProcessingResponseSchema,
  standardErrorSchema,
} from "./schemas";
import { CATALOG_MODELS, staticMusicModels } from "@/tests/support/model-catalog";
import { sharedVenicePath } from "@/tests/support/shared-venice";
import { SIM_MODELS } from "@/lib/venice-sim/catalog";

const QUEUE_ID = "123e4567-e89b-42d3-a456-426614174000";

describe("request schemas", () => {
  it("accepts a full queue body and a digit-string duration", () => {
    const body = {
      model: "minimax-music-v25",
      prompt: "An upbeat synth-pop song",
      lyrics_prompt: "Verse 1: walking through the city lights",
      duration_seconds: 60,
      force_instrumental: false,
      lyrics_optimizer: false,
      loop: false,
      voice: "Aria",
      language_code: "en",
      speed: 1,
    };
    expect(queueAudioRequestSchema.parse(body)).toEqual(body);
    expect(queueAudioRequestSchema.parse({ model: "m", prompt: "p", duration_seconds: "90" }).duration_seconds).toBe("90");
  });

  it.each([
    ["zero duration", { duration_seconds: 0 }],
    ["negative duration", { duration_seconds: -5 }],
    ["fractional duration", { duration_seconds: 1.5 }],
    ["non-digit duration string", { duration_seconds: "1.5" }],
    ["speed below 0.25", { speed: 0.2 }],
    ["speed above 4", { speed: 4.5 }],
    ["empty prompt", { prompt: "" }],
    ["unknown field", { format: "mp3" }],
    ["non-boolean flag", { loop: "yes" }],
  ])("rejects a queue body with %s", (_label, patch) => {
    expect(queueAudioRequestSchema.safeParse({ model: "m", prompt: "a prompt", ...patch }).success).toBe(false);
  });

  it("requires model and prompt on a queue body", () => {
    expect(queueAudioRequestSchema.safeParse({ model: "m" }).success).toBe(false);
    expect(queueAudioRequestSchema.safeParse({ prompt: "a prompt" }).success).toBe(false);
  });

  it("reads a stored queue body back, or null when it no longer fits", () => {
    expect(parseQueueBody({ model: "m", prompt: "a prompt", duration_seconds: "90" })).toEqual({ model: "m", prompt: "a prompt", duration_seconds: "90" });
    for (const stored of [null, "a prompt", {}, { prompt: "a prompt" }, { model: "m", prompt: "a prompt", format: "mp3" }]) {
      expect(parseQueueBody(stored), JSON.stringify(stored)).toBeNull();
    }
  });

  it("accepts quote bodies and rejects a zero character count or an extra field", () => {
    expect(quoteAudioRequestSchema.parse({ model: "elevenlabs-tts-v3", character_count: 120 })).toEqual({
      model: "elevenlabs-tts-v3",
      character_count: 120,
    });
    expect(quoteAudioRequestSchema.safeParse({ model: "m", character_count: 0 }).success).toBe(false);
    expect(quoteAudioRequestSchema.safeParse({ model: "m", prompt: "x" }).success).toBe(false);
  });

  it("keeps retrieve and complete bodies strict", () => {
    expect(retrieveAudioRequestSchema.parse({ model: "m", queue_id: QUEUE_ID, delete_media_on_completion: false })).toBeTruthy();
    expect(retrieveAudioRequestSchema.safeParse({ model: "m" }).success).toBe(false);
    expect(completeAudioRequestSchema.safeParse({ model: "m", queue_id: QUEUE_ID, delete_media_on_completion: true }).success).toBe(false);
  });
});

describe("response schemas", () => {
  it("parses a queue answer and tolerates extra fields", () => {
    const parsed = queueAudioResponseSchema.parse({ model: "ace-step-15", queue_id: QUEUE_ID, status: "QUEUED", eta: 3 });
    expect(parsed.queue_id).toBe(QUEUE_ID);
    expect(queueAudioResponseSchema.safeParse({ model: "ace-step-15", queue_id: QUEUE_ID, status: "DONE" }).success).toBe(false);
    expect(queueAudioResponseSchema.safeParse({ model: "ace-step-15", status: "QUEUED" }).success).toBe(false);
  });

  it("parses quote, processing and complete answers", () => {
    expect(quoteAudioResponseSchema.parse({ quote: 0.75 }).quote).toBe(0.75);
    expect(quoteAudioResponseSchema.safeParse({ quote: "0.75" }).success).toBe(false);
    expect(
      retrieveProcessingResponseSchema.parse({ status: "PROCESSING", average_execution_time: 20000, execution_duration: 5200 }),
    ).toMatchObject({ average_execution_time: 20000 });
    expect(retrieveProcessingResponseSchema.safeParse({ status: "FAILED", average_execution_time: 1, execution_duration: 1 }).success).toBe(false);
    expect(completeAudioResponseSchema.parse({ success: false }).success).toBe(false);
    expect(completeAudioResponseSchema.safeParse({}).success).toBe(false);
  });

  it("parses the simulator's /models?type=music list of all 14 models", () => {
    const list = modelListEnvelopeSchema.parse({ object: "list", type: "music", data: SIM_MODELS });
    expect(list.data.map((entry) => musicModelSchema.parse(entry).id)).toEqual(SIM_MODELS.map((model) => model.id));
    expect(CATALOG_MODELS.map((model) => model.id)).toEqual(SIM_MODELS.map((model) => model.id));
  });

  it("rejects a model list without its envelope", () => {
    expect(modelListEnvelopeSchema.safeParse({ data: SIM_MODELS }).success).toBe(false);
    expect(modelListEnvelopeSchema.safeParse({ object: "list", data: {} }).success).toBe(false);
  });

  it.skipIf(!sharedVenicePath("static-models.json"))("parses Venice's own catalog snapshot, which carries no capability flags", () => {
    const models = staticMusicModels();
    expect(models).toHaveLength(14);
    expect(models.every((model) => model.model_spec.supports_lyrics === undefined)).toBe(true);
  });

  it("tolerates unknown model and model_spec fields", () => {
    const model = musicModelSchema.parse({
      id: "future-model",
      type: "music",
      object: "model",
      owned_by: "venice.ai",
      created: 1,
      regionRestrictions: ["US"],
      model_spec: { privacy: "private", pricing: { generation: { usd: 0.1, diem: 0.1 } }, supports_stems: true },
    });
    expect(model.model_spec.supports_stems).toBe(true);
  });

  it("rejects a model whose flag has the wrong type", () => {
    const result = musicModelSchema.safeParse({
      id: "m",
      type: "music",
      model_spec: { pricing: { generation: { usd: 0.1, diem: 0.1 } }, duration_options: ["60"] },
    });
    expect(result.success).toBe(false);
  });

  it("accepts each of the four pricing shapes", () => {
    const price = { usd: 0.1, diem: 0.1 };
    expect(musicPricingSchema.parse({ generation: price })).toEqual({ generation: price });
    expect(musicPricingSchema.parse({ per_second: price })).toEqual({ per_second: price });
    expect(musicPricingSchema.parse({ per_thousand_characters: price })).toEqual({ per_thousand_characters: price });
    const durations = { "60": { ...price, min_seconds: 1, max_seconds: 60 } };
    expect(musicPricingSchema.parse({ durations })).toEqual({ durations });
  });

  it.each([
    ["two shapes at once", { generation: { usd: 1, diem: 1 }, per_second: { usd: 1, diem: 1 } }],
    ["no known shape", { per_token: { usd: 1, diem: 1 } }],
    ["a tier without bounds", { durations: { "60": { usd: 1, diem: 1 } } }],
    ["a price without usd", { generation: { diem: 1 } }],
  ])("rejects pricing with %s", (_label, pricing) => {
    expect(musicPricingSchema.safeParse(pricing).success).toBe(false);
  });
});

describe("error bodies", () => {
  it("parses a DetailedError whose details is an object", () => {
    const body = {
      error: "Invalid request",
      details: { _errors: [], voice: { _errors: ["Invalid voice"] }, supported_voices: ["Aria", "Roger"] },
      issues: [{ path: ["voice"], message: "Invalid voice" }],
    };
    const parsed = detailedErrorSchema.parse(body);
    expect(parsed.details).toEqual(body.details);
    expect(parsed.issues).toEqual(body.issues);
  });

  it("parses a DetailedError whose details is a string", () => {
    expect(detailedErrorSchema.parse({ error: "Bad", details: "duration_seconds is not supported" }).details).toBe(
      "duration_seconds is not supported",
    );
  });

  it("rejects error bodies without an error string", () => {
    expect(standardErrorSchema.safeParse({ message: "x" }).success).toBe(false);
    expect(detailedErrorSchema.safeParse({ error: { message: "x" } }).success).toBe(false);
    expect(detailedErrorSchema.safeParse({ error: "x", details: 42 }).success).toBe(false);
  });

  it("parses a content violation with and without a suggested prompt", () => {
    expect(contentViolationErrorSchema.parse({ error: "Policy", suggested_prompt: "A calm piano piece" }).suggested_prompt).toBe(
      "A calm piano piece",
    );
    expect(contentViolationErrorSchema.parse({ error: "Policy" }).suggested_prompt).toBeUndefined();
  });
});

describe("balance answers", () => {
  it("parses /billing/balance, including a null usd", () => {
    const body = { canConsume: true, consumptionCurrency: "DIEM", balances: { diem: 90.5, usd: 25 }, diemEpochAllocation: 100 };
    expect(billingBalanceResponseSchema.parse(body).balances.usd).toBe(25);
    expect(billingBalanceResponseSchema.parse({ ...body, balances: { diem: null, usd: null } }).balances.usd).toBeNull();
    expect(billingBalanceResponseSchema.safeParse({ canConsume: true }).success).toBe(false);
  });

  it("parses data.balances from /api_keys/rate_limits", () => {
    const body = {
      data: {
        accessPermitted: true,
        apiTier: { id: "paid", isCharged: true },
        balances: { USD: 50.23, DIEM: 100.023 },
        keyExpiration: null,
        nextEpochBegins: "2025-05-07T00:00:00.000Z",
        rateLimits: [],
      },
    };
    expect(rateLimitsResponseSchema.parse(body).data.balances.USD).toBe(50.23);
    expect(rateLimitsResponseSchema.safeParse({ data: { balances: { USD: "50" } } }).success).toBe(false);
  });
});
