import { describe, expect, it } from "vitest";
import { levelGain, TARGET_LUFS } from "@/components/player/level-gain";

// Normalize volume: a track of integrated loudness L plays at 10^((−16 − L)/20), never above 1.

describe("levelGain", () => {
  it("brings a loud track down to −16 LUFS", () => {
    expect(levelGain(-10, true)).toBeCloseTo(10 ** (-6 / 20), 10);
    expect(levelGain(-4, true)).toBeCloseTo(0.2512, 4);
    // The gain's level change is exactly the distance to the target.
    expect(20 * Math.log10(levelGain(-9.3, true))).toBeCloseTo(TARGET_LUFS - -9.3, 10);
  });
  it("leaves a track at or below the target as it is: a media element cannot boost", () => {
    expect(levelGain(-16, true)).toBe(1);
    expect(levelGain(-23, true)).toBe(1);
  });
  it("plays an unmeasured track, or any track with normalizing off, at 1", () => {
    expect(levelGain(null, true)).toBe(1);
    expect(levelGain(undefined, true)).toBe(1);
    expect(levelGain(Number.NaN, true)).toBe(1);
    expect(levelGain(-8, false)).toBe(1);
  });
  it("brings the takes of a batch to its quietest take's level when that is below the target", () => {
    const batch = [-20, -12, null];
    expect(levelGain(-20, true, batch)).toBe(1);
    expect(20 * Math.log10(levelGain(-12, true, batch))).toBeCloseTo(-8, 10);
    // Takes all louder than the target: each to the target, as alone.
    expect(levelGain(-10, true, [-10, -12])).toBeCloseTo(levelGain(-10, true), 10);
    expect(levelGain(-20, false, batch)).toBe(1);
  });
});
