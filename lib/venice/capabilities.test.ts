import { describe, expect, it } from "vitest";
import { capabilities, isUsable, type ModelCapabilities } from "./capabilities";
import { musicModelSchema, type MusicModel } from "./schemas";
import { CATALOG_MODELS, catalogCapabilities, staticMusicModels } from "@/tests/support/model-catalog";
import { sharedVenicePath } from "@/tests/support/shared-venice";

const range = (min: number, max: number, preferred: number) => ({ kind: "range" as const, min, max, default: preferred });
const hidden = { mode: "hidden" as const, min: undefined, waivedBy: [] };
const optional = { mode: "optional" as const, min: undefined, waivedBy: [] };

// What the studio must derive from each catalog entry (flags per ../shared/venice/README.md).
const EXPECTED: Record<string, Partial<Omit<ModelCapabilities, "lyrics">> & { lyrics: Partial<ModelCapabilities["lyrics"]> }> = {
  "ace-step-15": {
    kind: "music",
    prompt: { min: 10, max: 512 },
    lyrics: { ...optional, max: 4096 },
    duration: { kind: "options", options: [60, 90, 120, 150, 180, 210], default: 60 },
    defaultDurationSeconds: 60,
    instrumental: false,
    lyricsOptimizer: false,
    loop: false,
    speed: null,
    voice: null,
    formats: ["flac"],
    defaultFormat: "flac",
  },
  "elevenlabs-tts-multilingual-v2": {
    kind: "speech",
    prompt: { min: 1, max: 10000 },
    lyrics: hidden,
    speed: { min: 0.7, max: 1.2, default: 1 },
    duration: null,
    defaultDurationSeconds: undefined,
  },
  "elevenlabs-music": {
    kind: "music",
    lyrics: hidden,
    instrumental: true,
    duration: range(3, 600, 60),
    defaultDurationSeconds: 60,
    voice: null,
  },
  "elevenlabs-sound-effects-v2": {
    kind: "sound-effect",
    lyrics: hidden,
    prompt: { min: 3, max: 450 },
    loop: true,
    duration: range(1, 30, 5),
  },
  "elevenlabs-tts-v3": { kind: "speech", lyrics: hidden, speed: null, duration: null },
  "lyria-3-pro": { kind: "music", lyrics: { ...optional, max: 3000 }, duration: null, defaultDurationSeconds: undefined },
  "minimax-music-v2": {
    kind: "music",
    lyrics: { mode: "required", min: 1, max: 3000, waivedBy: [] },
    instrumental: false,
    lyricsOptimizer: false,
  },
  "minimax-music-v25": {
    kind: "music",
    lyrics: { mode: "required", min: 10, max: 3500, waivedBy: ["force_instrumental", "lyrics_optimizer"] },
    instrumental: true,
    lyricsOptimizer: true,
  },
  "minimax-music-v26": {
    kind: "music",
    lyrics: { mode: "required", min: 10, max: 3500, waivedBy: ["force_instrumental"] },
    instrumental: true,
    lyricsOptimizer: false,
  },
  "mmaudio-v2-text-to-audio": { kind: "sound-effect", lyrics: hidden, duration: range(1, 30, 8), loop: false },
  "seed-audio-1-0": {
    kind: "music",
    lyrics: { ...optional, max: 3000 },
    duration: null,
    defaultDurationSeconds: 120,
  },
  "sonilo-v1-1-music": { kind: "music", lyrics: hidden, loop: true, duration: range(5, 180, 30) },
  "sonilo-v1-1-sound-effects": { kind: "sound-effect", lyrics: hidden, loop: true, duration: range(1, 30, 5) },
  "stable-audio-25": { kind: "music", lyrics: hidden, loop: false, duration: range(10, 190, 60) },
};

describe("capabilities of the 14 catalog models", () => {
  it("covers every catalog model", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(CATALOG_MODELS.map((model) => model.id).sort());
  });

  it.each(Object.entries(EXPECTED))("%s", (id, expected) => {
    const caps = catalogCapabilities(id);
    const { lyrics, ...rest } = expected;
    expect(caps).toMatchObject(rest);
    expect(caps.lyrics).toMatchObject(lyrics);
    expect(caps.id).toBe(id);
    expect(caps.language).toBe(false); // README: no current model sets supports_language_code
    expect(isUsable(caps)).toBe(true);
  });

  it("offers the TTS voices with a default and custom ids", () => {
    const voice = catalogCapabilities("elevenlabs-tts-v3").voice;
    expect(voice?.options).toHaveLength(20);
    expect(voice).toMatchObject({ default: "Aria", allowCustom: true });
  });

  it("offers Seed Audio's curated voices only, defaulting to 'Describe in prompt'", () => {
    const voice = catalogCapabilities("seed-audio-1-0").voice;
    expect(voice?.options[0]).toBe("Describe in prompt");
    expect(voice).toMatchObject({ default: "Describe in prompt", allowCustom: false });
  });

  it("keeps pricing exactly as published", () => {
    for (const model of CATALOG_MODELS) expect(capabilities(model).pricing).toEqual(model.model_spec.pricing);
  });
});

function modelWith(id: string, spec: Record<string, unknown>): MusicModel {
  return musicModelSchema.parse({
    id,
    type: "music",
    model_spec: { name: id, pricing: { generation: { usd: 0.1, diem: 0.1 } }, ...spec },
  });
}

describe("generic rules from flags", () => {
  it("uses Venice's defaults when limits are not published", () => {
    const caps = capabilities(modelWith("bare", { supports_lyrics: true }));
    expect(caps.prompt).toEqual({ min: 10, max: undefined });
    expect(caps.lyrics).toEqual({ mode: "optional", max: 4096, min: undefined, waivedBy: [] });
    expect(caps).toMatchObject({ duration: null, voice: null, speed: null, formats: [], defaultFormat: undefined });
  });

  it("makes lyrics required from lyrics_required, and hidden without supports_lyrics", () => {
    expect(capabilities(modelWith("a", { supports_lyrics: true, lyrics_required: true })).lyrics).toMatchObject({
      mode: "required",
      min: 1,
      waivedBy: [],
    });
    expect(capabilities(modelWith("b", { lyrics_required: true })).lyrics.mode).toBe("hidden");
  });

  it("prices but does not offer a duration that only has a default", () => {
    const caps = capabilities(modelWith("default-only", { default_duration: 45 }));
    expect(caps.duration).toBeNull();
    expect(caps.defaultDurationSeconds).toBe(45);
  });

  it("needs both bounds for a range and whole positive seconds", () => {
    expect(capabilities(modelWith("min-only", { min_duration: 5 })).duration).toBeNull();
    expect(capabilities(modelWith("frac", { min_duration: 0.5, max_duration: 10.7 })).duration).toEqual(range(1, 10, 1));
    expect(capabilities(modelWith("opts", { duration_options: [0, 7.5, 30, 60], default_duration: 45 })).duration).toEqual({
      kind: "options",
      options: [30, 60],
      default: 30,
    });
  });

  it("keeps speed inside the API's 0.25–4 bounds", () => {
    expect(capabilities(modelWith("s", { supports_speed: true, min_speed: 0.1, max_speed: 9, default_speed: 12 })).speed).toEqual({
      min: 0.25,
      max: 4,
      default: 4,
    });
    expect(capabilities(modelWith("t", { supports_speed: true })).speed).toEqual({ min: 0.25, max: 4, default: 1 });
    expect(capabilities(modelWith("u", { min_speed: 0.5 })).speed).toBeNull();
  });

  it("offers a custom voice even without a curated list", () => {
    expect(capabilities(modelWith("v", { supports_custom_voice_id: true })).voice).toEqual({
      options: [],
      default: undefined,
      allowCustom: true,
    });
  });

  it("recognises sound-effect models by name, speech models by pricing", () => {
    expect(capabilities(modelWith("acme-text-to-audio", {})).kind).toBe("sound-effect");
    expect(capabilities(modelWith("acme", { name: "Acme Sound Effects" })).kind).toBe("sound-effect");
    const speech = modelWith("acme-voice", { pricing: { per_thousand_characters: { usd: 0.1, diem: 0.1 } } });
    expect(capabilities(speech).kind).toBe("speech");
    expect(capabilities(modelWith("acme-songs", {})).kind).toBe("music");
  });

  it("marks offline and voice-changer models unusable", () => {
    expect(isUsable(capabilities(modelWith("off", { offline: true })))).toBe(false);
    expect(isUsable(capabilities(modelWith("vc", { voice_changer: true })))).toBe(false);
  });

  it.skipIf(!sharedVenicePath("static-models.json"))("reads Venice's flag-less snapshot as models that take only a prompt", () => {
    for (const model of staticMusicModels()) {
      const caps = capabilities(model);
      expect(caps.lyrics.mode).toBe("hidden");
      expect(caps.duration).toBeNull();
      expect(caps.prompt.min).toBe(10);
    }
  });
});
