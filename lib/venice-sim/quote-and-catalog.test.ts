// /audio/quote (every pricing shape, tier boundaries, character_count rules) and the
// catalog served by /models, checked against Venice's own snapshot.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSharedVenice, sharedVenicePath } from "@/tests/support/shared-venice";
import { SIM_MODELS } from "./catalog";
import { NO_LIMITS, startSim, stubRender, type Reply, type SimClient } from "@/tests/support/venice-sim";

let c: SimClient;
beforeAll(async () => {
  c = await startSim({ ...NO_LIMITS, render: stubRender() });
});
afterAll(() => c.close());

async function quote(body: Record<string, unknown>, key?: string | null) {
  return c.post("/audio/quote", body, { key });
}

async function price(body: Record<string, unknown>): Promise<number> {
  const reply = await quote(body);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  expect(Object.keys(reply.body)).toEqual(["quote"]);
  return reply.body.quote as number;
}

function expectField(reply: Pick<Reply, "status" | "body">, field: string) {
  expect(reply.status, JSON.stringify(reply.body)).toBe(400);
  expect(reply.body.details[field]?._errors?.length, JSON.stringify(reply.body)).toBeGreaterThan(0);
}

describe("/audio/quote authentication", () => {
  it("needs no key, takes the valid key, refuses a wrong one", async () => {
    expect((await quote({ model: "lyria-3-pro" }, null)).status).toBe(200);
    expect((await quote({ model: "lyria-3-pro" })).status).toBe(200);
    const wrong = await quote({ model: "lyria-3-pro" }, "sk-wrong");
    expect(wrong.status).toBe(401);
    expect(typeof wrong.body.error).toBe("string");
  });
});

describe("pricing shapes", () => {
  it("generation: a flat price per job", async () => {
    expect(await price({ model: "lyria-3-pro" })).toBe(0.1);
    expect(await price({ model: "minimax-music-v2" })).toBe(0.04);
    expect(await price({ model: "minimax-music-v25" })).toBe(0.18);
    expect(await price({ model: "stable-audio-25" })).toBe(0.19);
    expect(await price({ model: "stable-audio-25", duration_seconds: 190 })).toBe(0.19);
  });

  it("per_second: price x duration, default_duration when absent", async () => {
    expect(await price({ model: "elevenlabs-sound-effects-v2" })).toBeCloseTo(0.0023 * 5, 9);
    expect(await price({ model: "elevenlabs-sound-effects-v2", duration_seconds: 10 })).toBeCloseTo(0.023, 9);
    expect(await price({ model: "elevenlabs-sound-effects-v2", duration_seconds: "30" })).toBeCloseTo(0.069, 9);
    expect(await price({ model: "mmaudio-v2-text-to-audio" })).toBeCloseTo(0.00092 * 8, 9);
    expect(await price({ model: "mmaudio-v2-text-to-audio", duration_seconds: 1 })).toBeCloseTo(0.00092, 9);
    expect(await price({ model: "sonilo-v1-1-music", duration_seconds: 180 })).toBeCloseTo(0.002875 * 180, 9);
    expect(await price({ model: "sonilo-v1-1-sound-effects", duration_seconds: 2 })).toBeCloseTo(0.00414, 9);
  });

  it("per_second seed-audio: its 120 s cap, and no duration_seconds", async () => {
    expect(await price({ model: "seed-audio-1-0" })).toBeCloseTo(0.345, 9);
    expectField(await quote({ model: "seed-audio-1-0", duration_seconds: 60 }), "duration_seconds");
  });

  it("per_thousand_characters: price x characters / 1000", async () => {
    for (const model of ["elevenlabs-tts-v3", "elevenlabs-tts-multilingual-v2"]) {
      expect(await price({ model, character_count: 1000 })).toBeCloseTo(0.115, 9);
      expect(await price({ model, character_count: 100 })).toBeCloseTo(0.0115, 9);
      expect(await price({ model, character_count: 1 })).toBeCloseTo(0.000115, 9);
    }
  });

  it("durations: the tier whose inclusive range holds the duration (default when absent)", async () => {
    const ace = "ace-step-15";
    expect(await price({ model: ace })).toBe(0.03);
    expect(await price({ model: ace, duration_seconds: 60 })).toBe(0.03);
    expect(await price({ model: ace, duration_seconds: 90 })).toBe(0.04);
    expect(await price({ model: ace, duration_seconds: "120" })).toBe(0.05);
    expect(await price({ model: ace, duration_seconds: 150 })).toBe(0.06);
    expect(await price({ model: ace, duration_seconds: 180 })).toBe(0.07);
    expect(await price({ model: ace, duration_seconds: 210 })).toBe(0.08);

    const el = "elevenlabs-music";
    expect(await price({ model: el })).toBe(0.69);
    const boundaries: [number, number][] = [
      [3, 0.69], [60, 0.69], [61, 1.38], [120, 1.38], [121, 2.08], [180, 2.08], [181, 2.76],
      [240, 2.76], [241, 3.45], [300, 3.45], [301, 4.15], [360, 4.15], [361, 4.84], [420, 4.84],
      [421, 5.52], [480, 5.52], [481, 6.22], [540, 6.22], [541, 6.9], [600, 6.9],
    ];
    for (const [seconds, usd] of boundaries) expect(await price({ model: el, duration_seconds: seconds }), String(seconds)).toBe(usd);
  });
});

describe("quote validation", () => {
  it("duration_seconds only where the model publishes duration metadata, within it", async () => {
    for (const model of ["minimax-music-v2", "lyria-3-pro", "seed-audio-1-0"]) {
      expectField(await quote({ model, duration_seconds: 60 }), "duration_seconds");
    }
    expectField(await quote({ model: "elevenlabs-tts-v3", character_count: 10, duration_seconds: 60 }), "duration_seconds");
    expectField(await quote({ model: "ace-step-15", duration_seconds: 75 }), "duration_seconds");
    expectField(await quote({ model: "elevenlabs-music", duration_seconds: 2 }), "duration_seconds");
    expectField(await quote({ model: "elevenlabs-music", duration_seconds: 601 }), "duration_seconds");
    expectField(await quote({ model: "elevenlabs-music", duration_seconds: 60.5 }), "duration_seconds");
    expectField(await quote({ model: "elevenlabs-music", duration_seconds: "6O" }), "duration_seconds");
  });

  it("character_count: required for per-character models, a positive integer, at most prompt_character_limit", async () => {
    const tts = SIM_MODELS.find((m) => m.id === "elevenlabs-tts-v3")!;
    const limit = tts.model_spec.prompt_character_limit!;
    expectField(await quote({ model: tts.id }), "character_count");
    expectField(await quote({ model: tts.id, character_count: 0 }), "character_count");
    expectField(await quote({ model: tts.id, character_count: -3 }), "character_count");
    expectField(await quote({ model: tts.id, character_count: 12.5 }), "character_count");
    expectField(await quote({ model: tts.id, character_count: "100" }), "character_count");
    expect(await price({ model: tts.id, character_count: limit })).toBeCloseTo(0.115 * (limit / 1000), 9);
    expectField(await quote({ model: tts.id, character_count: limit + 1 }), "character_count");
    expectField(await quote({ model: "elevenlabs-tts-multilingual-v2", character_count: 10_001 }), "character_count");
  });

  it("character_count is refused for models not priced per character", async () => {
    expectField(await quote({ model: "lyria-3-pro", character_count: 100 }), "character_count");
  });

  it("unknown fields are a 400, unknown models a 404", async () => {
    expectField(await quote({ model: "lyria-3-pro", prompt: "hello there" }), "prompt");
    expectField(await quote({}), "model");
    const unknown = await quote({ model: "nope" });
    expect(unknown.status).toBe(404);
    expect(typeof unknown.body.error).toBe("string");
  });
});

type SnapshotModel = { id: string; type: string; created: number; model_spec: { name: string; pricing: unknown } };

describe("the catalog", () => {
  it.skipIf(!sharedVenicePath("static-models.json"))("equals Venice's snapshot on ids, names, created and pricing", () => {
    const snapshot = (JSON.parse(readSharedVenice("static-models.json")) as SnapshotModel[]).filter(
      (m) => m.type === "music",
    );
    expect(snapshot).toHaveLength(14);
    const project = (m: SnapshotModel | (typeof SIM_MODELS)[number]) => ({
      id: m.id,
      name: m.model_spec.name,
      created: m.created,
      pricing: m.model_spec.pricing,
    });
    const sort = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
    expect(sort(SIM_MODELS.map(project))).toEqual(sort(snapshot.map(project)));
  });

  it("GET /models?type=music serves it, with or without a key", async () => {
    for (const key of [undefined, null]) {
      const reply = await c.get("/models?type=music", { key });
      expect(reply.status).toBe(200);
      expect(reply.body.object).toBe("list");
      expect(reply.body.type).toBe("music");
      expect(reply.body.data).toEqual(JSON.parse(JSON.stringify(SIM_MODELS)));
      for (const m of reply.body.data) {
        expect(m).toMatchObject({ type: "music", object: "model", owned_by: "venice.ai" });
      }
    }
    expect((await c.get("/models?type=music", { key: "wrong" })).status).toBe(401);
  });

  it("other types: empty lists (text by default), all lists the music models, a bad type is a 400", async () => {
    expect((await c.get("/models")).body).toEqual({ object: "list", type: "text", data: [] });
    expect((await c.get("/models?type=image")).body).toEqual({ object: "list", type: "image", data: [] });
    expect((await c.get("/models?type=all")).body.data).toHaveLength(SIM_MODELS.length);
    expect((await c.get("/models?type=bogus")).status).toBe(400);
  });

  it("every model has an execution time and a consistent spec", async () => {
    const { AVERAGE_EXECUTION_TIME_MS } = await import("./timing");
    for (const m of SIM_MODELS) {
      expect(AVERAGE_EXECUTION_TIME_MS[m.id], m.id).toBeGreaterThan(0);
      const s = m.model_spec;
      expect(s.supported_formats, m.id).toContain(s.default_format);
      if (s.duration_options) expect(s.duration_options, m.id).toContain(s.default_duration);
      if (s.default_voice) expect(s.voices, m.id).toContain(s.default_voice);
    }
  });
});
