import { describe, expect, it } from "vitest";
import { capabilities, type ModelCapabilities } from "./capabilities";
import { buildGenerationRequestSchema, toQueueBody, toQuoteBody } from "./generation-request";
import { musicModelSchema } from "./schemas";
import { CATALOG_MODELS, catalogCapabilities } from "@/tests/support/model-catalog";

const LYRICS = "Verse one: neon rain on empty streets";

/** The smallest request each model accepts. */
function validBase(model: ModelCapabilities): Record<string, unknown> {
  const base: Record<string, unknown> = { prompt: "A dreamy lo-fi beat with soft rain" };
  if (model.lyrics.mode === "required") base.lyrics_prompt = LYRICS;
  return base;
}

function issues(model: ModelCapabilities, input: unknown) {
  const result = buildGenerationRequestSchema(model).safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}

function expectFieldError(model: ModelCapabilities, input: unknown, field: string, messagePart?: string | RegExp) {
  const found = issues(model, input);
  expect(found.map((issue) => issue.path), JSON.stringify(input)).toContain(field);
  if (messagePart) expect(found.find((issue) => issue.path === field)?.message).toMatch(messagePart);
}

function expectValid(model: ModelCapabilities, input: unknown) {
  expect(issues(model, input), JSON.stringify(input)).toEqual([]);
}

type Field = "lyrics_prompt" | "duration_seconds" | "force_instrumental" | "lyrics_optimizer" | "loop" | "voice" | "language_code" | "speed";

// For each optional field: is it supported, a value that must pass when it is, values that
// must fail when it is, and a harmless-looking value that must still fail when it is not.
const FIELD_CASES: Record<
  Field,
  {
    supported: (model: ModelCapabilities) => boolean;
    good: (model: ModelCapabilities) => unknown[];
    bad: (model: ModelCapabilities) => unknown[];
    harmless: unknown;
  }
> = {
  lyrics_prompt: {
    supported: (model) => model.lyrics.mode !== "hidden",
    good: () => [LYRICS],
    bad: (model) => ["x".repeat(model.lyrics.max + 1), 42],
    harmless: "",
  },
  duration_seconds: {
    supported: (model) => model.duration !== null,
    good: (model) =>
      model.duration?.kind === "options" ? model.duration.options : model.duration ? [model.duration.min, model.duration.max] : [],
    bad: (model) =>
      model.duration?.kind === "options"
        ? [model.duration.options[0]! + 1, model.duration.options[0]! + 0.5, "60"]
        : model.duration
          ? [model.duration.min - 1, model.duration.max + 1, model.duration.min + 0.5, "60"]
          : [],
    harmless: 60,
  },
  force_instrumental: {
    supported: (model) => model.instrumental,
    good: () => [true, false],
    bad: () => ["yes"],
    harmless: false,
  },
  lyrics_optimizer: {
    supported: (model) => model.lyricsOptimizer,
    good: () => [true, false],
    bad: () => [1],
    harmless: false,
  },
  loop: { supported: (model) => model.loop, good: () => [true, false], bad: () => ["true"], harmless: false },
  voice: {
    supported: (model) => model.voice !== null,
    good: (model) => model.voice?.options ?? [],
    bad: (model) => ["", "   ", ...(model.voice?.allowCustom ? [] : ["Nobody-In-The-List"])],
    harmless: "",
  },
  language_code: {
    supported: (model) => model.language,
    good: () => ["en", "fr"],
    bad: () => ["eng", "e1", ""],
    harmless: "",
  },
  speed: {
    supported: (model) => model.speed !== null,
    good: (model) => (model.speed ? [model.speed.min, model.speed.default, model.speed.max] : []),
    bad: (model) => (model.speed ? [model.speed.min - 0.01, model.speed.max + 0.01, "1"] : []),
    harmless: 1,
  },
};

describe.each(CATALOG_MODELS.map((model) => [model.id, capabilities(model)] as const))("%s", (_id, model) => {
  it("accepts its smallest valid request", () => {
    expectValid(model, validBase(model));
  });

  it("enforces the prompt length after trimming", () => {
    const base = validBase(model);
    expectFieldError(model, { ...base, prompt: undefined }, "prompt");
    expectFieldError(model, { ...base, prompt: "   " }, "prompt");
    if (model.prompt.min > 1) {
      const short = "x".repeat(model.prompt.min - 1);
      expectFieldError(model, { ...base, prompt: `   ${short}   ` }, "prompt", `at least ${model.prompt.min} characters`);
      expectValid(model, { ...base, prompt: "x".repeat(model.prompt.min) });
    }
    if (model.prompt.max !== undefined) {
      expectValid(model, { ...base, prompt: ` ${"x".repeat(model.prompt.max)} ` });
      expectFieldError(model, { ...base, prompt: "x".repeat(model.prompt.max + 1) }, "prompt", `at most ${model.prompt.max}`);
    }
  });

  it.each(Object.entries(FIELD_CASES))("handles %s", (field, cases) => {
    const base = validBase(model);
    if (!cases.supported(model)) {
      // Venice 400s on any unsupported field, even one whose value would change nothing.
      expectFieldError(model, { ...base, [field]: cases.harmless }, field, `not available for ${model.name}`);
      return;
    }
    for (const value of cases.good(model)) {
      // Turning on instrumental or the optimizer replaces the lyrics (tested under "lyrics rules").
      const { lyrics_prompt, ...withoutLyrics } = base;
      expectValid(model, value === true && lyrics_prompt !== undefined ? { ...withoutLyrics, [field]: value } : { ...base, [field]: value });
    }
    for (const value of cases.bad(model)) expectFieldError(model, { ...base, [field]: value }, field);
  });

  it("rejects fields Venice does not know, and omits absent fields from the queue body", () => {
    expect(issues(model, { ...validBase(model), format: "mp3" }).length).toBeGreaterThan(0);
    const parsed = buildGenerationRequestSchema(model).parse(validBase(model));
    expect(toQueueBody(model.id, parsed)).toEqual({ model: model.id, ...validBase(model) });
  });
});

describe("lyrics rules", () => {
  const v2 = catalogCapabilities("minimax-music-v2");
  const v25 = catalogCapabilities("minimax-music-v25");
  const v26 = catalogCapabilities("minimax-music-v26");
  const prompt = "An anthemic pop chorus";

  it("minimax-music-v2 needs non-blank lyrics", () => {
    expectFieldError(v2, { prompt }, "lyrics_prompt", "needs lyrics");
    expectFieldError(v2, { prompt, lyrics_prompt: "   \n " }, "lyrics_prompt", "needs lyrics");
    expectValid(v2, { prompt, lyrics_prompt: "la" });
  });

  it("minimax-music-v25 needs 10 characters of lyrics unless instrumental or optimizer", () => {
    expectFieldError(v25, { prompt }, "lyrics_prompt", /instrumental or the lyrics optimizer/);
    expectFieldError(v25, { prompt, lyrics_prompt: " 123456789 " }, "lyrics_prompt", "at least 10 characters");
    expectValid(v25, { prompt, lyrics_prompt: "1234567890" });
    expectValid(v25, { prompt, force_instrumental: true });
    expectValid(v25, { prompt, lyrics_optimizer: true });
    expectFieldError(v25, { prompt, force_instrumental: false }, "lyrics_prompt");
    expectFieldError(v25, { prompt, lyrics_optimizer: false, lyrics_prompt: "short" }, "lyrics_prompt");
  });

  it("minimax-music-v26 needs 10 characters unless instrumental, and has no optimizer", () => {
    expectFieldError(v26, { prompt, lyrics_prompt: "too short" }, "lyrics_prompt", "at least 10 characters");
    expectValid(v26, { prompt, force_instrumental: true });
    expectFieldError(v26, { prompt, lyrics_optimizer: true }, "lyrics_optimizer", "not available");
  });

  it("refuses lyrics together with the optimizer", () => {
    expectFieldError(v25, { prompt, lyrics_optimizer: true, lyrics_prompt: LYRICS }, "lyrics_prompt", "optimizer writes the lyrics");
    expectValid(v25, { prompt, lyrics_optimizer: true, lyrics_prompt: "  " });
  });

  it("refuses lyrics on an instrumental track", () => {
    expectFieldError(v26, { prompt, force_instrumental: true, lyrics_prompt: LYRICS }, "lyrics_prompt", "instrumental");
  });

  it("forbids lyrics on models without lyrics", () => {
    for (const id of ["elevenlabs-music", "stable-audio-25", "elevenlabs-tts-v3"]) {
      expectFieldError(catalogCapabilities(id), { prompt, lyrics_prompt: LYRICS }, "lyrics_prompt", "Lyrics is not available");
    }
  });
});

describe("duration rules", () => {
  const prompt = "An epic orchestral build";

  it("ace-step-15 accepts only its duration options", () => {
    const ace = catalogCapabilities("ace-step-15");
    for (const seconds of [60, 90, 120, 150, 180, 210]) expectValid(ace, { prompt, duration_seconds: seconds });
    for (const seconds of [59, 61, 75, 211, 240]) {
      expectFieldError(ace, { prompt, duration_seconds: seconds }, "duration_seconds", "60, 90, 120, 150, 180, 210");
    }
  });

  it("elevenlabs-music accepts whole seconds from 3 to 600", () => {
    const music = catalogCapabilities("elevenlabs-music");
    for (const seconds of [3, 60, 61, 600]) expectValid(music, { prompt, duration_seconds: seconds });
    for (const seconds of [2, 601]) expectFieldError(music, { prompt, duration_seconds: seconds }, "duration_seconds", "between 3 and 600");
    expectFieldError(music, { prompt, duration_seconds: 30.5 }, "duration_seconds", "whole number");
  });

  it("seed-audio-1-0 never takes a duration, not even its own 120 s", () => {
    expectFieldError(catalogCapabilities("seed-audio-1-0"), { prompt, duration_seconds: 120 }, "duration_seconds");
  });
});

describe("voice, language and speed", () => {
  const prompt = "Welcome to the studio";

  it("accepts a custom ElevenLabs voice id where allowed, trimmed", () => {
    const tts = catalogCapabilities("elevenlabs-tts-v3");
    const parsed = buildGenerationRequestSchema(tts).parse({ prompt, voice: " 21m00Tcm4TlvDq8ikWAM " });
    expect(parsed.voice).toBe("21m00Tcm4TlvDq8ikWAM");
  });

  it("limits Seed Audio to its listed voices", () => {
    const seed = catalogCapabilities("seed-audio-1-0");
    expectValid(seed, { prompt: "A duet about summer nights", voice: "Celeste" });
    expectFieldError(seed, { prompt: "A duet about summer nights", voice: "Aria" }, "voice", "voices this model offers");
  });

  it("takes a two-letter language code where supported and sends it in lower case", () => {
    const model = capabilities(
      musicModelSchema.parse({
        id: "polyglot",
        type: "music",
        model_spec: { name: "Polyglot", pricing: { generation: { usd: 0.1, diem: 0.1 } }, supports_language_code: true },
      }),
    );
    const parsed = buildGenerationRequestSchema(model).parse({ prompt: "A folk song in French", language_code: "FR" });
    expect(toQueueBody(model.id, parsed)).toEqual({ model: "polyglot", prompt: "A folk song in French", language_code: "fr" });
    expectFieldError(model, { prompt: "A folk song in French", language_code: "fra" }, "language_code", "two-letter");
  });

  it("keeps speed inside the model's range", () => {
    const multilingual = catalogCapabilities("elevenlabs-tts-multilingual-v2");
    expectValid(multilingual, { prompt, speed: 0.7 });
    expectValid(multilingual, { prompt, speed: 1.2 });
    expectFieldError(multilingual, { prompt, speed: 1.25 }, "speed", "between 0.7× and 1.2×");
  });
});

describe("unusable models", () => {
  it.each([
    ["offline", { offline: true }, "offline"],
    ["voice changer", { voice_changer: true }, "cannot be used"],
  ])("refuses every request for a %s model", (_label, flags, message) => {
    const model = capabilities(
      musicModelSchema.parse({
        id: "odd",
        type: "music",
        model_spec: { name: "Odd", pricing: { generation: { usd: 0.1, diem: 0.1 } }, ...flags },
      }),
    );
    expectFieldError(model, { prompt: "A perfectly fine prompt" }, "model", message);
  });
});

describe("Venice bodies", () => {
  it("builds the exact queue body: trimmed prompt, trimmed lyrics, no empty fields", () => {
    const v25 = catalogCapabilities("minimax-music-v25");
    const parsed = buildGenerationRequestSchema(v25).parse({
      prompt: "  A bright summer anthem \n",
      lyrics_prompt: "\n Sun on my face, all day long \n",
      force_instrumental: false,
    });
    expect(toQueueBody(v25.id, parsed)).toEqual({
      model: "minimax-music-v25",
      prompt: "A bright summer anthem",
      lyrics_prompt: "Sun on my face, all day long",
      force_instrumental: false,
    });
    const optimized = buildGenerationRequestSchema(v25).parse({ prompt: "A bright summer anthem", lyrics_prompt: " ", lyrics_optimizer: true });
    expect(toQueueBody(v25.id, optimized)).toEqual({ model: "minimax-music-v25", prompt: "A bright summer anthem", lyrics_optimizer: true });
  });

  it("quotes duration only for models with a settable duration", () => {
    expect(toQuoteBody(catalogCapabilities("ace-step-15"), { prompt: "x", duration_seconds: 120 })).toEqual({
      model: "ace-step-15",
      duration_seconds: 120,
    });
    expect(toQuoteBody(catalogCapabilities("elevenlabs-music"), { prompt: "x" })).toEqual({ model: "elevenlabs-music" });
    expect(toQuoteBody(catalogCapabilities("seed-audio-1-0"), { prompt: "x", duration_seconds: 120 })).toEqual({
      model: "seed-audio-1-0",
    });
    expect(toQuoteBody(catalogCapabilities("lyria-3-pro"), { prompt: "x" })).toEqual({ model: "lyria-3-pro" });
  });

  it("quotes character_count for models billed per thousand characters: the trimmed prompt's", () => {
    const tts = catalogCapabilities("elevenlabs-tts-v3");
    expect(toQuoteBody(tts, buildGenerationRequestSchema(tts).parse({ prompt: "  Hello there, welcome!  " }))).toEqual({
      model: "elevenlabs-tts-v3",
      character_count: 21,
    });
  });
});

describe("text the studio stores", () => {
  it("bounds the prompt of a model that publishes no limit", () => {
    const unlimited: ModelCapabilities = { ...catalogCapabilities("elevenlabs-music"), prompt: { min: 10, max: undefined } };
    expectValid(unlimited, { prompt: "x".repeat(10_000) });
    expectFieldError(unlimited, { prompt: "x".repeat(10_001) }, "prompt", "The prompt can be at most 10000 characters.");
  });

  it("refuses a NUL character in the prompt, the lyrics and a custom voice, which PostgreSQL cannot store", () => {
    const prompt = "A dreamy lo-fi beat with soft rain";
    expectFieldError(catalogCapabilities("elevenlabs-music"), { prompt: `${prompt}\0` }, "prompt", "The prompt must not contain a NUL character.");
    expectFieldError(catalogCapabilities("ace-step-15"), { prompt, lyrics_prompt: "La la\0 la" }, "lyrics_prompt", "Lyrics must not contain a NUL character.");
    expectFieldError(catalogCapabilities("elevenlabs-tts-v3"), { prompt, voice: "voice\0id" }, "voice", "The voice must not contain a NUL character.");
    expectFieldError(catalogCapabilities("elevenlabs-tts-v3"), { prompt, voice: "v".repeat(101) }, "voice", "The voice can be at most 100 characters.");
  });
});
