import { describe, expect, it } from "vitest";
import { parseWaveform, storedWaveform } from "./waveform";

describe("parseWaveform", () => {
  it("keeps a waveform's peaks and length, and nothing else", () => {
    expect(parseWaveform({ peaks: [-0.5, 0.5], durationMs: 1200, extra: true })).toEqual({ peaks: [-0.5, 0.5], durationMs: 1200 });
    expect(parseWaveform({ peaks: [], durationMs: 0 })).toEqual({ peaks: [], durationMs: 0 });
  });

  it("answers null for what is not a waveform", () => {
    for (const value of [null, undefined, "peaks", [0.1], { peaks: [0.1] }, { peaks: ["0.1"], durationMs: 1 }, { peaks: {}, durationMs: 1 }, { peaks: [], durationMs: Number.NaN }]) {
      expect(parseWaveform(value), JSON.stringify(value)).toBeNull();
    }
  });
});

describe("storedWaveform", () => {
  it("reads a row's peaks, and peaks that are not numbers as none", () => {
    expect(storedWaveform({ peaks: [-0.1, 0.2], durationMs: 500 })).toEqual({ peaks: [-0.1, 0.2], durationMs: 500 });
    expect(storedWaveform({ peaks: { broken: true }, durationMs: 500 })).toEqual({ peaks: [], durationMs: 500 });
  });
});
