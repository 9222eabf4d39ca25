// /audio/queue's per-model rules, over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SIM_MODELS, type SimModel } from "./catalog";
import { NO_LIMITS, startSim, stubRender, type Reply, type SimClient } from "@/tests/support/venice-sim";

let c: SimClient;
beforeAll(async () => {
  c = await startSim({ ...NO_LIMITS, render: stubRender(), balanceUsd: 1_000_000 });
});
afterAll(() => c.close());

const PROMPT = "A bright, upbeat synthwave groove";
const LYRICS = "City lights are calling me home tonight";

/** A body each model accepts, to which a test adds one thing. */
function validBody(model: SimModel): Record<string, unknown> {
  const body: Record<string, unknown> = { model: model.id, prompt: PROMPT };
  if (model.model_spec.lyrics_required || model.id === "minimax-music-v25" || model.id === "minimax-music-v26") {
    body.lyrics_prompt = LYRICS;
  }
  return body;
}

const byId = (id: string) => {
  const m = SIM_MODELS.find((x) => x.id === id);
  if (!m) throw new Error(`no model ${id}`);
  return m;
};

async function queue(body: Record<string, unknown>) {
  return c.post("/audio/queue", body);
}

function expectField(reply: Pick<Reply, "status" | "body">, field: string) {
  expect(reply.status, JSON.stringify(reply.body)).toBe(400);
  expect(typeof reply.body.error).toBe("string");
  expect(reply.body.details._errors).toBeInstanceOf(Array);
  expect(reply.body.details[field]?._errors?.length, JSON.stringify(reply.body)).toBeGreaterThan(0);
}

describe("the body's schema", () => {
  it("accepts a valid body for every model", async () => {
    for (const model of SIM_MODELS) {
      const reply = await queue(validBody(model));
      expect(reply.status, `${model.id}: ${JSON.stringify(reply.body)}`).toBe(200);
      expect(reply.body).toEqual({ model: model.id, queue_id: expect.any(String), status: "QUEUED" });
      expect(reply.body.queue_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });

  it("refuses an unknown field, naming it", async () => {
    const reply = await queue({ ...validBody(byId("ace-step-15")), temperature: 0.5 });
    expectField(reply, "temperature");
    expect(reply.body.details._errors.join(" ")).toContain("temperature");
  });

  it("requires model and prompt", async () => {
    expectField(await queue({ prompt: PROMPT }), "model");
    expectField(await queue({ model: "ace-step-15" }), "prompt");
    expectField(await queue({ model: "ace-step-15", prompt: "" }), "prompt");
  });

  it("refuses a body that is not an object", async () => {
    for (const raw of ["[]", "null", '"text"', "42"]) {
      const reply = await c.post("/audio/queue", undefined, { raw });
      expect(reply.status).toBe(400);
      expect(reply.body.details._errors.length).toBeGreaterThan(0);
    }
  });

  it("refuses wrongly typed fields, null included", async () => {
    const base = validBody(byId("elevenlabs-music"));
    expectField(await queue({ ...base, force_instrumental: "true" }), "force_instrumental");
    expectField(await queue({ ...base, force_instrumental: null }), "force_instrumental");
    expectField(await queue({ ...base, prompt: 42 }), "prompt");
    expectField(await queue({ ...base, duration_seconds: true }), "duration_seconds");
  });
});

describe("unknown, offline and voice-changer models", () => {
  it("answers 404 {error} for an unknown model", async () => {
    const reply = await queue({ model: "no-such-model", prompt: PROMPT });
    expect(reply.status).toBe(404);
    expect(typeof reply.body.error).toBe("string");
  });

  it("refuses offline models at queue, and voice changers at all four endpoints", async () => {
    const base = byId("stable-audio-25");
    const offline: SimModel = { ...base, id: "test-offline", model_spec: { ...base.model_spec, offline: true } };
    const changer: SimModel = { ...base, id: "test-voice-changer", model_spec: { ...base.model_spec, voice_changer: true } };
    const s = await startSim({ render: stubRender(), models: [...SIM_MODELS, offline, changer] });
    try {
      expectField(await s.post("/audio/queue", { model: "test-offline", prompt: PROMPT }), "model");
      const queueId = "0b8a1a5e-2f0c-4c8e-9a51-3c3f1f0d8e11";
      expectField(await s.post("/audio/queue", { model: "test-voice-changer", prompt: PROMPT }), "model");
      expectField(await s.post("/audio/quote", { model: "test-voice-changer" }), "model");
      expectField(await s.post("/audio/retrieve", { model: "test-voice-changer", queue_id: queueId }), "model");
      expectField(await s.post("/audio/complete", { model: "test-voice-changer", queue_id: queueId }), "model");
      // /models still lists them, as Venice does.
      const ids = (await s.get("/models?type=music")).body.data.map((m: SimModel) => m.id);
      expect(ids).toEqual(expect.arrayContaining(["test-offline", "test-voice-changer"]));
    } finally {
      await s.close();
    }
  });
});

describe("unsupported fields are refused whatever their value", () => {
  const FLAGS: [field: string, value: unknown, supported: (m: SimModel) => boolean][] = [
    ["force_instrumental", false, (m) => m.model_spec.supports_force_instrumental === true],
    ["lyrics_optimizer", false, (m) => m.model_spec.supports_lyrics_optimizer === true],
    ["loop", false, (m) => m.model_spec.supports_loop === true],
    ["language_code", "en", (m) => m.model_spec.supports_language_code === true],
    ["speed", 1, (m) => m.model_spec.supports_speed === true],
    ["voice", "Aria", (m) => (m.model_spec.voices?.length ?? 0) > 0 || m.model_spec.supports_custom_voice_id === true],
    ["lyrics_prompt", "", (m) => m.model_spec.supports_lyrics === true],
    [
      "duration_seconds",
      60,
      (m) => (m.model_spec.duration_options?.length ?? 0) > 0 || m.model_spec.min_duration !== undefined,
    ],
  ];

  for (const model of SIM_MODELS) {
    for (const [field, value, supported] of FLAGS) {
      if (supported(model)) continue;
      it(`${model.id} refuses ${field}: ${JSON.stringify(value)}`, async () => {
        expectField(await queue({ ...validBody(model), [field]: value }), field);
      });
    }
  }

  it("matches Venice's facts on the flags that matter", async () => {
    expectField(await queue({ ...validBody(byId("minimax-music-v2")), force_instrumental: false }), "force_instrumental");
    expectField(await queue({ ...validBody(byId("ace-step-15")), force_instrumental: true }), "force_instrumental");
    expectField(await queue({ ...validBody(byId("seed-audio-1-0")), duration_seconds: 60 }), "duration_seconds");
    expectField(await queue({ ...validBody(byId("minimax-music-v26")), lyrics_optimizer: false }), "lyrics_optimizer");
    expectField(await queue({ ...validBody(byId("stable-audio-25")), lyrics_prompt: LYRICS }), "lyrics_prompt");
    expect((await queue({ ...validBody(byId("elevenlabs-music")), force_instrumental: true })).status).toBe(200);
    expect((await queue({ ...validBody(byId("sonilo-v1-1-music")), loop: true })).status).toBe(200);
    expect((await queue({ ...validBody(byId("elevenlabs-sound-effects-v2")), loop: false })).status).toBe(200);
  });
});

describe("duration_seconds", () => {
  it("ace-step-15: only its duration_options, as integer or digit string", async () => {
    const base = validBody(byId("ace-step-15"));
    for (const ok of [60, 90, "120", 150, 180, "210"]) {
      expect((await queue({ ...base, duration_seconds: ok })).status, String(ok)).toBe(200);
    }
    for (const bad of [75, 59, 211, 240, "100"]) expectField(await queue({ ...base, duration_seconds: bad }), "duration_seconds");
  });

  it("elevenlabs-music: any whole second in [3, 600]", async () => {
    const base = validBody(byId("elevenlabs-music"));
    for (const ok of [3, "45", 600]) expect((await queue({ ...base, duration_seconds: ok })).status).toBe(200);
    for (const bad of [2, 601, "0"]) expectField(await queue({ ...base, duration_seconds: bad }), "duration_seconds");
  });

  it("refuses non-integers, non-positive numbers and non-digit strings", async () => {
    const base = validBody(byId("elevenlabs-music"));
    for (const bad of [30.5, 0, -5, "30s", " 30", "3e1", "-30", ""]) {
      expectField(await queue({ ...base, duration_seconds: bad }), "duration_seconds");
    }
  });
});

describe("voice", () => {
  it("takes a listed voice, and names the supported ones when it is not", async () => {
    const seed = byId("seed-audio-1-0");
    expect((await queue({ ...validBody(seed), voice: "Tim" })).status).toBe(200);
    expect((await queue({ ...validBody(seed), voice: "Describe in prompt" })).status).toBe(200);
    const bad = await queue({ ...validBody(seed), voice: "Nobody" });
    expectField(bad, "voice");
    expect(bad.body.details.supported_voices).toEqual(seed.model_spec.voices);
    expectField(await queue({ ...validBody(seed), voice: "tim" }), "voice");
  });

  it("takes a raw ElevenLabs voice id where custom voice ids are supported, but not a blank one", async () => {
    const tts = byId("elevenlabs-tts-v3");
    expect((await queue({ ...validBody(tts), voice: "21m00Tcm4TlvDq8ikWAM" })).status).toBe(200);
    expect((await queue({ ...validBody(tts), voice: "Brian" })).status).toBe(200);
    const blank = await queue({ ...validBody(tts), voice: "  " });
    expectField(blank, "voice");
    expect(blank.body.details.supported_voices).toEqual(tts.model_spec.voices);
  });
});

describe("speed", () => {
  it("stays within the model's [min_speed, max_speed]", async () => {
    const tts = byId("elevenlabs-tts-multilingual-v2");
    for (const ok of [0.7, 1, 1.2]) expect((await queue({ ...validBody(tts), speed: ok })).status, String(ok)).toBe(200);
    for (const bad of [0.69, 1.21, 0.25, 4, 5, 0.1]) expectField(await queue({ ...validBody(tts), speed: bad }), "speed");
    expectField(await queue({ ...validBody(tts), speed: "1" }), "speed");
  });
});

describe("prompt", () => {
  const ace = byId("ace-step-15");
  it("is trimmed before min_prompt_length and prompt_character_limit", async () => {
    expectField(await queue({ model: ace.id, prompt: "   too short    " }), "prompt");
    expectField(await queue({ model: ace.id, prompt: "123456789" }), "prompt");
    expect((await queue({ model: ace.id, prompt: "   1234567890   " })).status).toBe(200);
    expect((await queue({ model: ace.id, prompt: "x".repeat(512) })).status).toBe(200);
    expect((await queue({ model: ace.id, prompt: `  ${"x".repeat(512)}\n ` })).status).toBe(200);
    expectField(await queue({ model: ace.id, prompt: "x".repeat(513) }), "prompt");
    expectField(await queue({ model: ace.id, prompt: "          " }), "prompt");
  });

  it("uses a model's own min_prompt_length where it publishes one", async () => {
    const sfx = byId("elevenlabs-sound-effects-v2"); // min 3, limit 450
    expect((await queue({ model: sfx.id, prompt: "rain" })).status).toBe(200);
    expectField(await queue({ model: sfx.id, prompt: "ab" }), "prompt");
    expectField(await queue({ model: sfx.id, prompt: "x".repeat(451) }), "prompt");
  });
});

describe("lyrics", () => {
  it("are forbidden on models without supports_lyrics, even empty", async () => {
    expectField(await queue({ ...validBody(byId("sonilo-v1-1-music")), lyrics_prompt: "" }), "lyrics_prompt");
    expectField(await queue({ ...validBody(byId("elevenlabs-music")), lyrics_prompt: LYRICS }), "lyrics_prompt");
  });

  it("are required (non-blank) where lyrics_required", async () => {
    const v2 = byId("minimax-music-v2");
    expectField(await queue({ model: v2.id, prompt: PROMPT }), "lyrics_prompt");
    expectField(await queue({ model: v2.id, prompt: PROMPT, lyrics_prompt: "   \n " }), "lyrics_prompt");
    expect((await queue({ model: v2.id, prompt: PROMPT, lyrics_prompt: "la" })).status).toBe(200);
  });

  it("are optional on ace-step-15 and limited to lyrics_character_limit (4096)", async () => {
    const ace = byId("ace-step-15");
    expect((await queue({ model: ace.id, prompt: PROMPT })).status).toBe(200);
    expect((await queue({ model: ace.id, prompt: PROMPT, lyrics_prompt: "l".repeat(4096) })).status).toBe(200);
    expectField(await queue({ model: ace.id, prompt: PROMPT, lyrics_prompt: "l".repeat(4097) }), "lyrics_prompt");
  });

  it("default to a 4096 limit where a lyric model publishes none", async () => {
    const base = byId("lyria-3-pro");
    const noLimit: SimModel = { ...base, id: "test-no-lyrics-limit", model_spec: { ...base.model_spec, lyrics_character_limit: undefined } };
    const s = await startSim({ render: stubRender(), models: [noLimit] });
    try {
      expect((await s.post("/audio/queue", { model: noLimit.id, prompt: PROMPT, lyrics_prompt: "l".repeat(4096) })).status).toBe(200);
      expectField(await s.post("/audio/queue", { model: noLimit.id, prompt: PROMPT, lyrics_prompt: "l".repeat(4097) }), "lyrics_prompt");
    } finally {
      await s.close();
    }
  });

  it("lyria-3-pro's own limit applies", async () => {
    const lyria = byId("lyria-3-pro");
    const limit = lyria.model_spec.lyrics_character_limit!;
    expect((await queue({ model: lyria.id, prompt: PROMPT, lyrics_prompt: "l".repeat(limit) })).status).toBe(200);
    expectField(await queue({ model: lyria.id, prompt: PROMPT, lyrics_prompt: "l".repeat(limit + 1) }), "lyrics_prompt");
  });
});

describe("minimax rules", () => {
  it("v25: lyrics >= 10 chars unless force_instrumental or lyrics_optimizer", async () => {
    const m = "minimax-music-v25";
    expectField(await queue({ model: m, prompt: PROMPT }), "lyrics_prompt");
    expectField(await queue({ model: m, prompt: PROMPT, lyrics_prompt: "123456789" }), "lyrics_prompt");
    expectField(await queue({ model: m, prompt: PROMPT, lyrics_prompt: "  12345678  " }), "lyrics_prompt");
    expectField(await queue({ model: m, prompt: PROMPT, force_instrumental: false }), "lyrics_prompt");
    expect((await queue({ model: m, prompt: PROMPT, lyrics_prompt: "1234567890" })).status).toBe(200);
    expect((await queue({ model: m, prompt: PROMPT, force_instrumental: true })).status).toBe(200);
    expect((await queue({ model: m, prompt: PROMPT, lyrics_optimizer: true })).status).toBe(200);
    expect((await queue({ model: m, prompt: PROMPT, lyrics_optimizer: true, lyrics_prompt: "" })).status).toBe(200);
  });

  it("v25: lyrics_optimizer true with non-empty lyrics is a 400", async () => {
    const m = "minimax-music-v25";
    expectField(await queue({ model: m, prompt: PROMPT, lyrics_optimizer: true, lyrics_prompt: LYRICS }), "lyrics_prompt");
    expect((await queue({ model: m, prompt: PROMPT, lyrics_optimizer: false, lyrics_prompt: LYRICS })).status).toBe(200);
  });

  it("v26: lyrics >= 10 chars unless force_instrumental; no optimizer", async () => {
    const m = "minimax-music-v26";
    expectField(await queue({ model: m, prompt: PROMPT }), "lyrics_prompt");
    expectField(await queue({ model: m, prompt: PROMPT, lyrics_prompt: "short" }), "lyrics_prompt");
    expectField(await queue({ model: m, prompt: PROMPT, lyrics_optimizer: true }), "lyrics_optimizer");
    expect((await queue({ model: m, prompt: PROMPT, lyrics_prompt: "1234567890" })).status).toBe(200);
    expect((await queue({ model: m, prompt: PROMPT, force_instrumental: true })).status).toBe(200);
  });

  it("v2: lyrics required, no flags", async () => {
    const m = "minimax-music-v2";
    expectField(await queue({ model: m, prompt: PROMPT, lyrics_prompt: LYRICS, lyrics_optimizer: true }), "lyrics_optimizer");
    expect((await queue({ model: m, prompt: PROMPT, lyrics_prompt: LYRICS })).status).toBe(200);
  });
});

describe("several problems at once", () => {
  it("are all named in details", async () => {
    const reply = await queue({ model: "ace-step-15", prompt: "short", loop: true, duration_seconds: 61 });
    expect(reply.status).toBe(400);
    expect(Object.keys(reply.body.details)).toEqual(expect.arrayContaining(["prompt", "loop", "duration_seconds"]));
  });
});
