import { describe, expect, it } from "vitest";
import { EMPTY_DRAFT, switchModel, type Draft } from "@/components/create/draft";
import { MAX_REMEMBERED_MODELS, settleOptimizer, switchWithMemory, type ModelMemory } from "@/components/create/model-memory";
import { CATALOG_MODELS, catalogCapabilities } from "@/tests/support/model-catalog";

// Switching model hides what the new model cannot take; switching back brings it back.

const MODELS = CATALOG_MODELS.map((model) => catalogCapabilities(model.id));
const model = (id: string) => MODELS.find((candidate) => candidate.id === id)!;
const on = (id: string, values: Partial<Draft> = {}) => ({ ...switchModel(model(id), { ...EMPTY_DRAFT, prompt: "A warm piano ballad at dusk" }).draft, ...values });

/** The draft after visiting each model in turn from `start`, and the last switch's answer. */
function visit(start: string, draft: Draft, ...ids: string[]) {
  let memory: ModelMemory = [];
  let current = start;
  let last = { draft, hidden: [] as string[], memory };
  for (const id of ids) {
    last = switchWithMemory(MODELS, model(id), last.draft, model(current), memory);
    memory = last.memory;
    current = id;
  }
  return last;
}

describe("switchWithMemory", () => {
  it("hides lyrics on a model without them and brings them back on the way back", () => {
    const there = visit("ace-step-15", on("ace-step-15", { lyrics: "La la la, the night is young" }), "elevenlabs-music");
    expect(there.hidden).toEqual(["lyrics"]);
    expect(there.draft.lyrics).toBe("");
    const back = visit("ace-step-15", on("ace-step-15", { lyrics: "La la la, the night is young" }), "elevenlabs-music", "ace-step-15");
    expect(back.draft.lyrics).toBe("La la la, the night is young");
    expect(back.draft.prompt).toBe("A warm piano ballad at dusk");
  });

  it("carries hidden lyrics on to a third model that takes them", () => {
    const moved = visit("ace-step-15", on("ace-step-15", { lyrics: "[Verse] City lights" }), "elevenlabs-music", "minimax-music-v2");
    expect(moved.draft.lyrics).toBe("[Verse] City lights");
  });

  it("restores a voice and a speed the next model could not take", () => {
    const start = on("elevenlabs-tts-multilingual-v2", { voice: "Brian", speed: 1.1 });
    const there = visit("elevenlabs-tts-multilingual-v2", start, "seed-audio-1-0");
    expect(there.draft.voice).toBe("Describe in prompt");
    expect(there.hidden).toEqual(["voice Brian", "speed 1.1×"]);
    const back = visit("elevenlabs-tts-multilingual-v2", start, "seed-audio-1-0", "elevenlabs-tts-multilingual-v2");
    expect(back.draft.voice).toBe("Brian");
    expect(back.draft.speed).toBe(1.1);
  });

  it("lets the creator's latest value win over what the model remembers", () => {
    const memory = visit("ace-step-15", on("ace-step-15", { durationSeconds: 90 }), "elevenlabs-music");
    expect(memory.draft.durationSeconds).toBe(90);
    const edited = { ...memory.draft, durationSeconds: 120 };
    const back = switchWithMemory(MODELS, model("ace-step-15"), edited, model("elevenlabs-music"), memory.memory);
    expect(back.draft.durationSeconds).toBe(120);
    // 200 s does not fit ACE-Step's options: its own 90 s comes back rather than its default.
    const unfit = switchWithMemory(MODELS, model("ace-step-15"), { ...memory.draft, durationSeconds: 200 }, model("elevenlabs-music"), memory.memory);
    expect(unfit.draft.durationSeconds).toBe(90);
  });

  it("brings instrumental back after a model without it", () => {
    const back = visit("elevenlabs-music", on("elevenlabs-music", { instrumental: true }), "ace-step-15", "elevenlabs-music");
    expect(back.draft.instrumental).toBe(true);
  });

  it("never takes one model's listed voice for another's custom voice id", () => {
    // Seed Audio's "Describe in prompt", remembered, must not become a custom id on TTS v3.
    const back = visit("seed-audio-1-0", on("seed-audio-1-0"), "elevenlabs-music", "elevenlabs-tts-v3");
    expect(back.draft.voice).toBe("Aria");
  });

  it("remembers a bounded number of models, the most recently left first", () => {
    let memory: ModelMemory = [];
    let draft = on("ace-step-15");
    let from = "ace-step-15";
    for (let round = 0; round < 3; round += 1) {
      for (const { id } of MODELS) {
        if (id === from) continue;
        ({ draft, memory } = switchWithMemory(MODELS, model(id), draft, model(from), memory));
        from = id;
      }
    }
    expect(memory.length).toBeLessThanOrEqual(MAX_REMEMBERED_MODELS);
    expect(new Set(memory.map((entry) => entry.model)).size).toBe(memory.length);
    expect(memory[0]!.model).not.toBe(from);
  });
});

describe("settleOptimizer", () => {
  const minimax = model("minimax-music-v25");

  it("sets the creator's lyrics aside while the optimizer is on, and puts them back after", () => {
    const typed = on("minimax-music-v25", { lyrics: "[Chorus] Hold on" });
    const onNow = settleOptimizer(minimax, { ...typed, lyricsOptimizer: true }, "");
    expect(onNow).toEqual({ draft: { ...typed, lyricsOptimizer: true, lyrics: "" }, aside: "[Chorus] Hold on" });
    const offAgain = settleOptimizer(minimax, { ...onNow.draft, lyricsOptimizer: false }, onNow.aside);
    expect(offAgain).toEqual({ draft: { ...typed, lyricsOptimizer: false }, aside: "" });
  });

  it("keeps them aside on a model without lyrics, and gives them back on one with lyrics", () => {
    const draft = { ...on("elevenlabs-music"), lyricsOptimizer: true };
    expect(settleOptimizer(model("elevenlabs-music"), draft, "Mine")).toEqual({ draft, aside: "Mine" });
    expect(settleOptimizer(model("ace-step-15"), draft, "Mine").draft.lyrics).toBe("Mine");
  });
});
