// Contract test: every body the studio can send to Venice's /audio endpoints must satisfy
// Venice's own published request schemas (swagger.yaml, OpenAPI 3.0 → JSON Schema draft-04).
// The bodies go over real HTTP to the Venice simulator, which must accept them too, and are
// read back from its request log.
import openapiSchemaToJsonSchema from "@openapi-contrib/openapi-schema-to-json-schema";
import Ajv from "ajv-draft-04";
import { parse as parseYaml } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SIM_MODELS, type SimModel } from "@/lib/venice-sim/catalog";
import { startVeniceSimulator, type VeniceSimulator } from "@/lib/venice-sim/server";
import { NO_LIMITS, stubRender } from "@/tests/support/venice-sim";
import { readSharedVenice, sharedVenicePath } from "@/tests/support/shared-venice";
import { capabilities, type ModelCapabilities } from "./capabilities";
import { createVeniceClient } from "./client";
import { buildGenerationRequestSchema, toQueueBody, toQuoteBody } from "./generation-request";
import {
  completeAudioRequestSchema,
  queueAudioRequestSchema,
  quoteAudioRequestSchema,
  retrieveAudioRequestSchema,
} from "./schemas";

const ENDPOINT_SCHEMAS = {
  "/audio/queue": "QueueAudioRequest",
  "/audio/quote": "QuoteAudioRequest",
  "/audio/retrieve": "RetrieveAudioRequest",
  "/audio/complete": "CompleteAudioRequest",
} as const;
type Endpoint = keyof typeof ENDPOINT_SCHEMAS;

// swagger.yaml is one of Venice's reference files (tests/support/shared-venice.ts): without it
// this file's tests skip, so it is read only when a test first needs it.
const SWAGGER_ABSENT = !sharedVenicePath("swagger.yaml");
const ajv = new Ajv({ allErrors: true });
type Validators = Record<Endpoint, ReturnType<typeof ajv.compile>>;
let validators: Validators | undefined;

function compileValidators(): Validators {
  const swagger: { components: { schemas: Record<string, object> } } = parseYaml(readSharedVenice("swagger.yaml"));
  return Object.fromEntries(
    Object.entries(ENDPOINT_SCHEMAS).map(([endpoint, name]) => {
      const schema = swagger.components.schemas[name];
      if (!schema) throw new Error(`swagger.yaml has no ${name}`);
      return [endpoint, ajv.compile(openapiSchemaToJsonSchema(schema))];
    }),
  ) as Validators;
}

function violations(endpoint: Endpoint, body: unknown): string | undefined {
  validators ??= compileValidators();
  const validate = validators[endpoint];
  return validate(body) ? undefined : ajv.errorsText(validate.errors);
}

const QUEUE_ID = "3f0c2b9e-8d41-4c6a-9f7e-2a5b1c0d9e8f";

// No catalog model sets supports_language_code, or lyrics, optimizer, instrumental, voices and
// speed at once; this made-up model makes sure those bodies are checked too. (Loop and duration
// are left out to keep the variant product small; catalog models cover them.)
const EVERY_FLAG_MODEL: SimModel = {
  id: "every-flag-test-model",
  type: "music",
  object: "model",
  owned_by: "venice.ai",
  created: 0,
  model_spec: {
    name: "Every Flag",
    privacy: "private",
    traits: [],
    pricing: { per_thousand_characters: { usd: 0.1, diem: 0.1 } },
    supports_lyrics: true,
    supports_lyrics_optimizer: true,
    supports_force_instrumental: true,
    supports_language_code: true,
    supports_speed: true,
    min_speed: 0.25,
    max_speed: 4,
    voices: ["Aria", "Roger"],
    supports_custom_voice_id: true,
    prompt_character_limit: 300,
    min_prompt_length: 1,
  },
};

let sim: VeniceSimulator;

beforeAll(async () => {
  sim = await startVeniceSimulator({
    speed: 1, // jobs stay PROCESSING: retrieve and complete answer without audio
    balanceUsd: 1_000_000,
    render: stubRender(16),
    models: [...SIM_MODELS, EVERY_FLAG_MODEL],
    ...NO_LIMITS,
  });
});

afterAll(async () => {
  await sim?.close();
});

/** The /audio bodies that reached the simulator since its last reset. */
function receivedBodies(): { endpoint: Endpoint; body: unknown }[] {
  return sim.control
    .requests()
    .map((entry) => ({ endpoint: entry.path.replace("/api/v1", "") as Endpoint, body: entry.body }))
    .filter(({ endpoint }) => endpoint in ENDPOINT_SCHEMAS);
}

// ---- Systematic variants of a draft request for one model ----------------------------------

const withUndefined = <T,>(values: T[]): (T | undefined)[] => [undefined, ...values];

function durationVariants(model: ModelCapabilities): (number | undefined)[] {
  const duration = model.duration;
  if (!duration) return [undefined];
  if (duration.kind === "options") return withUndefined(duration.options);
  return withUndefined([...new Set([duration.min, duration.min + 1, duration.default, duration.max - 1, duration.max])]);
}

function lyricsVariants(model: ModelCapabilities): (string | undefined)[] {
  const { mode, max, min } = model.lyrics;
  if (mode === "hidden") return [undefined];
  const edges = [`  ${"l".repeat(Math.max(min ?? 1, 1))}  `, "Verse 1: lights\nChorus: we run", "l".repeat(max)];
  return ["", ...withUndefined(edges)];
}

function promptVariants(model: ModelCapabilities): string[] {
  const { min, max } = model.prompt;
  return [" ".repeat(3) + "p".repeat(min) + "\n", "A slow-burning synthwave track at 92 bpm", "p".repeat(max ?? min + 1000)];
}

const flagVariants = (supported: boolean) => (supported ? [undefined, false, true] : [undefined]);

function* draftVariants(model: ModelCapabilities): Generator<Record<string, unknown>> {
  const voices = model.voice ? withUndefined([...model.voice.options, ...(model.voice.allowCustom ? ["21m00Tcm4TlvDq8ikWAM"] : [])]) : [undefined];
  const speeds = model.speed ? withUndefined([model.speed.min, model.speed.default, model.speed.max]) : [undefined];
  const languages = model.language ? withUndefined(["en", "DE"]) : [undefined];
  for (const prompt of promptVariants(model))
    for (const lyrics_prompt of lyricsVariants(model))
      for (const duration_seconds of durationVariants(model))
        for (const force_instrumental of flagVariants(model.instrumental))
          for (const lyrics_optimizer of flagVariants(model.lyricsOptimizer))
            for (const loop of flagVariants(model.loop))
              for (const voice of voices)
                for (const speed of speeds)
                  for (const language_code of languages) {
                    const draft = { prompt, lyrics_prompt, duration_seconds, force_instrumental, lyrics_optimizer, loop, voice, speed, language_code };
                    yield Object.fromEntries(Object.entries(draft).filter(([, value]) => value !== undefined));
                  }
}

describe.skipIf(SWAGGER_ABSENT)("Venice's request schemas from swagger.yaml", () => {
  it("really reject bad bodies (so this test can fail)", () => {
    expect(violations("/audio/queue", { model: "m", prompt: "p", format: "mp3" })).toMatch(/additional properties/);
    expect(violations("/audio/queue", { model: "m", prompt: "p", duration_seconds: 0 })).toBeDefined();
    expect(violations("/audio/queue", { model: "m", prompt: "p", duration_seconds: 12.5 })).toBeDefined();
    expect(violations("/audio/queue", { model: "m", prompt: "p", speed: 5 })).toBeDefined();
    expect(violations("/audio/queue", { model: "m", prompt: "" })).toBeDefined();
    expect(violations("/audio/queue", { model: "m" })).toBeDefined();
    expect(violations("/audio/quote", { model: "m", character_count: 0 })).toBeDefined();
    expect(violations("/audio/quote", { model: "m", prompt: "p" })).toBeDefined();
    expect(violations("/audio/retrieve", { model: "m", queue_id: QUEUE_ID, format: "mp3" })).toBeDefined();
    expect(violations("/audio/complete", { model: "m", queue_id: QUEUE_ID, delete_media_on_completion: true })).toBeDefined();
    expect(violations("/audio/queue", { model: "m", prompt: "p", duration_seconds: "60" })).toBeUndefined();
  });

  it("agree with the studio's zod request schemas", () => {
    const zodSchemas = {
      "/audio/queue": queueAudioRequestSchema,
      "/audio/quote": quoteAudioRequestSchema,
      "/audio/retrieve": retrieveAudioRequestSchema,
      "/audio/complete": completeAudioRequestSchema,
    } as const;
    const samples: [Endpoint, unknown][] = [
      ["/audio/queue", { model: "m", prompt: "p", duration_seconds: 0 }],
      ["/audio/queue", { model: "m", prompt: "p", duration_seconds: "0042" }],
      ["/audio/queue", { model: "m", prompt: "p", duration_seconds: -1 }],
      ["/audio/queue", { model: "m", prompt: "p", speed: 0.25, loop: true, voice: "Aria", language_code: "en" }],
      ["/audio/queue", { model: "m", prompt: "p", speed: 0.24 }],
      ["/audio/queue", { model: "m", prompt: "p", lyrics_optimizer: "true" }],
      ["/audio/queue", { model: "m", prompt: "p", extra: 1 }],
      ["/audio/quote", { model: "m", character_count: 1.5 }],
      ["/audio/quote", { model: "m", character_count: 3, duration_seconds: "60" }],
      ["/audio/retrieve", { model: "m", queue_id: QUEUE_ID, delete_media_on_completion: "no" }],
      ["/audio/complete", { model: "m", queue_id: QUEUE_ID }],
      ["/audio/complete", { queue_id: QUEUE_ID }],
    ];
    for (const [endpoint, body] of samples) {
      expect(zodSchemas[endpoint].safeParse(body).success, `${endpoint} ${JSON.stringify(body)}`).toBe(
        violations(endpoint, body) === undefined,
      );
    }
  });
});

describe.skipIf(SWAGGER_ABSENT)("every body the studio sends matches swagger.yaml", () => {
  it("for every catalog model (and one with every flag) across systematic variants", async () => {
    const client = createVeniceClient({ baseUrl: sim.url, apiKey: sim.apiKey });
    const catalog = await client.listMusicModels();
    expect(catalog.skipped).toEqual([]);
    expect(catalog.models.map((model) => model.id)).toContain(EVERY_FLAG_MODEL.id);
    const sent: { endpoint: Endpoint; body: unknown }[] = [];
    const acceptedByModel = new Map<string, number>();

    for (const model of catalog.models.map(capabilities)) {
      const schema = buildGenerationRequestSchema(model);
      let accepted = 0;
      let queueId: string | undefined;
      for (const draft of draftVariants(model)) {
        const parsed = schema.safeParse(draft);
        if (!parsed.success) continue; // e.g. lyrics with instrumental on: the studio never sends it
        accepted += 1;
        queueId = (await client.queue(toQueueBody(model.id, parsed.data))).queue_id;
        await client.quote(toQuoteBody(model, parsed.data));
      }
      if (queueId !== undefined) {
        await client.retrieve({ model: model.id, queue_id: queueId });
        await client.retrieve({ model: model.id, queue_id: queueId, delete_media_on_completion: false });
        await client.complete({ model: model.id, queue_id: queueId });
      }
      acceptedByModel.set(model.id, accepted);
      sent.push(...receivedBodies());
      sim.control.reset(); // keeps the job list (and the request log) small
    }

    const failures = sent
      .map(({ endpoint, body }) => ({ endpoint, body, problem: violations(endpoint, body) }))
      .filter(({ problem }) => problem !== undefined);
    console.log(`swagger contract: ${sent.length} bodies checked`, Object.fromEntries(acceptedByModel));

    expect(failures.slice(0, 5)).toEqual([]);
    expect(sent.length).toBeGreaterThan(1000);
    for (const [id, accepted] of acceptedByModel) expect(accepted, id).toBeGreaterThanOrEqual(3);
    for (const endpoint of Object.keys(ENDPOINT_SCHEMAS)) {
      expect(sent.some((entry) => entry.endpoint === endpoint)).toBe(true);
    }
  });
});
