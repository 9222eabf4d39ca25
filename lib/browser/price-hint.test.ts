import { describe, expect, it } from "vitest";
import { catalogCapabilities } from "@/tests/support/model-catalog";
import { priceHint } from "./price-hint";

describe("the model picker's price hint", () => {
  it.each([
    // Per second, for models that make a minute or more: per minute, as a song's price reads.
    ["seed-audio-1-0", "$0.17 per minute"],
    ["sonilo-v1-1-music", "$0.17 per minute"],
    // Sound effects of at most 30 s keep their price per second.
    ["sonilo-v1-1-sound-effects", "$0.00207 per second"],
    ["mmaudio-v2-text-to-audio", "$0.00092 per second"],
    ["minimax-music-v2", "$0.04 per track"],
    ["elevenlabs-tts-v3", "$0.115 per 1,000 characters"],
    ["ace-step-15", "from $0.03 (up to 60 s)"],
  ])("%s: %s", (id, hint) => {
    expect(priceHint(catalogCapabilities(id))).toBe(hint);
  });
});
