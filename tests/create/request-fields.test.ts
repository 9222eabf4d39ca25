import { describe, expect, it } from "vitest";
import { draftKeyOf, EMPTY_DRAFT, requestOf } from "@/components/create/draft";
import { groupByKind } from "@/lib/browser/model-view";
import { CATALOG_MODELS, catalogCapabilities } from "@/tests/support/model-catalog";

// The Create form's one field table: which request field each draft value is sent as, both
// ways, and which draft value a field error belongs to; and the picker's groups of models.

describe("requestOf", () => {
  it("always sends the prompt, as typed, and leaves out what is empty or what the model cannot carry", () => {
    const tts = catalogCapabilities("elevenlabs-tts-v3");
    expect(requestOf(tts, { ...EMPTY_DRAFT, prompt: "  Hello  " })).toEqual({ prompt: "  Hello  " });
    expect(requestOf(tts, { ...EMPTY_DRAFT, prompt: "", loop: true, durationSeconds: 30, voice: tts.voice!.options[0]! })).toEqual({
      prompt: "",
      voice: tts.voice!.options[0],
    });
  });
});

describe("draftKeyOf", () => {
  it("names the draft value of every request field, and nothing for other keys", () => {
    expect(
      ["prompt", "lyrics_prompt", "lyrics_optimizer", "force_instrumental", "loop", "voice", "language_code", "speed", "duration_seconds"].map(draftKeyOf),
    ).toEqual(["prompt", "lyrics", "lyricsOptimizer", "instrumental", "loop", "voice", "language", "speed", "durationSeconds"]);
    expect(draftKeyOf("model")).toBeUndefined();
    expect(draftKeyOf("_")).toBeUndefined();
  });
});

describe("groupByKind", () => {
  it("puts music, sound effects and speech under their headings, each in the catalog's order, without empty groups", () => {
    const models = CATALOG_MODELS.map((model) => catalogCapabilities(model.id));
    const groups = groupByKind(models);
    expect(groups.map((group) => group.label)).toEqual(["Music", "Sound effects", "Speech"]);
    for (const group of groups) {
      const kind = group.models[0]!.kind;
      expect(group.models).toEqual(models.filter((model) => model.kind === kind));
    }
    expect(groups.flatMap((group) => group.models)).toHaveLength(models.length);
    expect(groupByKind(models.filter((model) => model.kind === "speech")).map((group) => group.label)).toEqual(["Speech"]);
  });
});
