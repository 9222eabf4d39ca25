import { describe, expect, it } from "vitest";
import { EMPTY_DRAFT, switchModel } from "@/components/create/draft";
import { catalogCapabilities } from "@/tests/support/model-catalog";

// Switching model in the Create form keeps what still applies and names only what the
// creator chose and lost, never a previous model's own defaults.

const onModel = (id: string) => {
  const model = catalogCapabilities(id);
  return { model, draft: switchModel(model, { ...EMPTY_DRAFT, prompt: "A warm piano ballad at dusk" }).draft };
};

describe("switchModel", () => {
  it("does not report a previous model's defaults as dropped", () => {
    const { model: ace, draft } = onModel("ace-step-15");
    expect(draft.durationSeconds).toBe(60);
    const moved = switchModel(catalogCapabilities("elevenlabs-tts-v3"), draft, ace);
    expect(moved.dropped).toEqual([]);
    expect(moved.draft.durationSeconds).toBeUndefined();
    expect(moved.draft.prompt).toBe("A warm piano ballad at dusk");
  });

  it("reports a value the creator chose, and resets it", () => {
    const { model: ace, draft } = onModel("ace-step-15");
    const moved = switchModel(catalogCapabilities("elevenlabs-tts-v3"), { ...draft, durationSeconds: 150, lyrics: "La la la" }, ace);
    expect(moved.dropped).toEqual(["lyrics", "duration 150 s"]);
    expect(moved.draft.lyrics).toBe("");
  });

  it("never sends one model's listed voice to another as a custom voice id", () => {
    const { model: seed, draft } = onModel("seed-audio-1-0");
    expect(draft.voice).toBe("Describe in prompt");
    const tts = catalogCapabilities("elevenlabs-tts-v3");
    expect(tts.voice?.allowCustom).toBe(true);
    const moved = switchModel(tts, draft, seed);
    expect(moved.draft.voice).toBe(tts.voice?.default);
    // It was only Seed Audio's default: nothing the creator chose was lost.
    expect(moved.dropped).toEqual([]);

    const chosen = switchModel(tts, { ...draft, voice: seed.voice!.options.at(-1)! }, seed);
    expect(chosen.draft.voice).toBe(tts.voice?.default);
    expect(chosen.dropped).toEqual([`voice ${seed.voice!.options.at(-1)}`]);
  });

  it("keeps a custom voice id between models that take one", () => {
    const multilingual = catalogCapabilities("elevenlabs-tts-multilingual-v2");
    const moved = switchModel(catalogCapabilities("elevenlabs-tts-v3"), { ...EMPTY_DRAFT, prompt: "Hello there, friend", voice: "21m00Tcm4TlvDq8ikWAM" }, multilingual);
    expect(moved.draft.voice).toBe("21m00Tcm4TlvDq8ikWAM");
    expect(moved.dropped).toEqual([]);
  });
});
