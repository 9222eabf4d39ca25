import { describe, expect, it } from "vitest";
import { capabilities } from "./capabilities";
import { roundUpToCent } from "@/lib/money";
import { priceOf } from "./pricing";
import { musicModelSchema, type DurationTier } from "./schemas";
import { CATALOG_MODELS, catalogCapabilities, staticMusicModels } from "@/tests/support/model-catalog";
import { sharedVenicePath } from "@/tests/support/shared-venice";

// Venice's own snapshot, one of its reference files (tests/support/shared-venice.ts): the tests
// that compare against it skip without it.
const SNAPSHOT_ABSENT = !sharedVenicePath("static-models.json");
const STATIC = new Map(SNAPSHOT_ABSENT ? [] : staticMusicModels().map((model) => [model.id, model]));

function staticTiers(id: string): DurationTier[] {
  const pricing = STATIC.get(id)?.model_spec.pricing;
  if (!pricing || !("durations" in pricing)) throw new Error(`${id} has no duration tiers in static-models.json`);
  return Object.values(pricing.durations);
}

const price = (id: string, request: { prompt?: string; duration_seconds?: number } = {}) =>
  priceOf(catalogCapabilities(id), { prompt: "A prompt of some length", ...request });

describe.skipIf(SNAPSHOT_ABSENT)("the catalog's pricing is Venice's published pricing", () => {
  it.each(CATALOG_MODELS.map((model) => model.id))("%s", (id) => {
    expect(catalogCapabilities(id).pricing).toEqual(STATIC.get(id)?.model_spec.pricing);
  });
});

describe("duration tiers", () => {
  it.skipIf(SNAPSHOT_ABSENT).each(["ace-step-15", "elevenlabs-music"])("%s: every tier edge prices at its static-models.json tier", (id) => {
    const tiers = staticTiers(id);
    expect(tiers.length).toBeGreaterThan(5);
    for (const tier of tiers) {
      expect(price(id, { duration_seconds: tier.min_seconds })).toBe(roundUpToCent(tier.usd));
      expect(price(id, { duration_seconds: tier.max_seconds })).toBe(roundUpToCent(tier.usd));
    }
  });

  it.each<[number, number]>([
    [60, 0.03],
    [61, 0.04],
    [90, 0.04],
    [91, 0.05],
    [120, 0.05],
    [121, 0.06],
    [180, 0.07],
    [181, 0.08],
    [210, 0.08],
  ])("ace-step-15 at %i s costs $%d", (seconds, usd) => {
    expect(price("ace-step-15", { duration_seconds: seconds })).toBe(usd);
  });

  it.each<[number, number]>([
    [3, 0.69],
    [60, 0.69],
    [61, 1.38],
    [120, 1.38],
    [121, 2.08],
    [540, 6.22],
    [541, 6.9],
    [600, 6.9],
  ])("elevenlabs-music at %i s costs $%d", (seconds, usd) => {
    expect(price("elevenlabs-music", { duration_seconds: seconds })).toBe(usd);
  });

  it("prices the default duration when none is asked for", () => {
    expect(price("ace-step-15")).toBe(0.03);
    expect(price("elevenlabs-music")).toBe(0.69);
  });

  it.each<[string, number]>([
    ["ace-step-15", 59],
    ["ace-step-15", 211],
    ["elevenlabs-music", 2],
    ["elevenlabs-music", 601],
  ])("%s has no price for %i s", (id, seconds) => {
    expect(() => price(id, { duration_seconds: seconds })).toThrow(RangeError);
  });
});

describe("per second", () => {
  it("multiplies the rate by the requested or default duration", () => {
    expect(price("sonilo-v1-1-music")).toBe(0.09); // 30 s × $0.002875 = $0.08625
    expect(price("sonilo-v1-1-music", { duration_seconds: 180 })).toBe(0.52); // $0.5175
    expect(price("elevenlabs-sound-effects-v2")).toBe(0.02); // 5 s × $0.0023 = $0.0115
    expect(price("mmaudio-v2-text-to-audio")).toBe(0.01); // 8 s × $0.00092 = $0.00736
    expect(price("sonilo-v1-1-sound-effects", { duration_seconds: 30 })).toBe(0.07); // $0.0621
  });

  it("prices Seed Audio at the 120 s it reserves, whatever the request says", () => {
    expect(price("seed-audio-1-0")).toBe(0.35); // 120 s × $0.002875 = $0.345
    expect(price("seed-audio-1-0", { duration_seconds: 10 })).toBe(0.35);
  });

  it("refuses to guess a duration the model does not publish", () => {
    const model = capabilities(
      musicModelSchema.parse({ id: "x", type: "music", model_spec: { pricing: { per_second: { usd: 0.01, diem: 0.01 } } } }),
    );
    expect(() => priceOf(model, { prompt: "anything" })).toThrow(RangeError);
  });
});

describe("per thousand characters", () => {
  it("bills the prompt's characters", () => {
    expect(price("elevenlabs-tts-v3", { prompt: "x".repeat(1000) })).toBe(0.12); // $0.115
    expect(price("elevenlabs-tts-v3", { prompt: "x".repeat(3000) })).toBe(0.35); // $0.345
    expect(price("elevenlabs-tts-multilingual-v2", { prompt: "Hello there, welcome!" })).toBe(0.01); // $0.002415
  });
});

describe("per generation", () => {
  it.each<[string, number]>([
    ["lyria-3-pro", 0.1],
    ["minimax-music-v2", 0.04],
    ["minimax-music-v25", 0.18],
    ["minimax-music-v26", 0.18],
    ["stable-audio-25", 0.19],
  ])("%s costs $%d whatever the request", (id, usd) => {
    expect(price(id)).toBe(usd);
    expect(price(id, { prompt: "x".repeat(1500) })).toBe(usd);
  });
});

describe("rounding", () => {
  it("never produces float noise for any catalog price", () => {
    for (const model of CATALOG_MODELS) {
      const caps = capabilities(model);
      const usd = priceOf(caps, { prompt: "x".repeat(777), duration_seconds: caps.duration?.default });
      expect(String(usd)).toMatch(/^\d+(\.\d{1,2})?$/);
    }
  });
});
