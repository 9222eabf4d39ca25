// The job-duration distribution: P80 = the model's average_execution_time, fastest tenth
// under 0.5x, slowest ~1.5x; seedable.
import { describe, expect, it } from "vitest";
import { SIM_MODELS } from "./catalog";
import { AVERAGE_EXECUTION_TIME_MS, createRng, executionTimeFactor, sampleExecutionTimeMs } from "./timing";

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

describe("execution time distribution", () => {
  it("passes through its knots", () => {
    expect(executionTimeFactor(0)).toBeCloseTo(0.25);
    expect(executionTimeFactor(0.1)).toBeCloseTo(0.45);
    expect(executionTimeFactor(0.8)).toBeCloseTo(1);
    expect(executionTimeFactor(1)).toBeCloseTo(1.5);
    expect(executionTimeFactor(0.45)).toBeGreaterThan(0.45);
    expect(executionTimeFactor(0.45)).toBeLessThan(1);
  });

  it("has P80 = average_execution_time, P10 < 0.5x and max <= 1.5x over many samples", () => {
    const rng = createRng(42);
    for (const model of SIM_MODELS) {
      const p80 = AVERAGE_EXECUTION_TIME_MS[model.id]!;
      const samples = Array.from({ length: 20_000 }, () => sampleExecutionTimeMs(p80, rng)).sort((a, b) => a - b);
      expect(quantile(samples, 0.8) / p80, model.id).toBeGreaterThan(0.97);
      expect(quantile(samples, 0.8) / p80, model.id).toBeLessThan(1.03);
      expect(quantile(samples, 0.1) / p80, model.id).toBeLessThan(0.5);
      expect(samples[samples.length - 1]! / p80, model.id).toBeLessThanOrEqual(1.5);
      expect(samples[samples.length - 1]! / p80, model.id).toBeGreaterThan(1.4);
      expect(samples[0]! / p80, model.id).toBeGreaterThanOrEqual(0.25);
    }
  });

  it("is reproducible from a seed", () => {
    const a = createRng(7);
    const b = createRng(7);
    const xs = Array.from({ length: 50 }, () => sampleExecutionTimeMs(30_000, a));
    const ys = Array.from({ length: 50 }, () => sampleExecutionTimeMs(30_000, b));
    expect(xs).toEqual(ys);
    expect(new Set(xs).size).toBeGreaterThan(40);
  });

  it("uses the documented table", () => {
    expect(AVERAGE_EXECUTION_TIME_MS["ace-step-15"]).toBe(30_000);
    expect(AVERAGE_EXECUTION_TIME_MS["elevenlabs-music"]).toBeGreaterThanOrEqual(60_000);
    expect(AVERAGE_EXECUTION_TIME_MS["elevenlabs-music"]).toBeLessThanOrEqual(90_000);
    for (const id of ["minimax-music-v2", "minimax-music-v25", "minimax-music-v26"]) {
      expect(AVERAGE_EXECUTION_TIME_MS[id]).toBeGreaterThanOrEqual(90_000);
      expect(AVERAGE_EXECUTION_TIME_MS[id]).toBeLessThanOrEqual(120_000);
    }
    for (const id of ["elevenlabs-sound-effects-v2", "mmaudio-v2-text-to-audio", "sonilo-v1-1-sound-effects"]) {
      expect(AVERAGE_EXECUTION_TIME_MS[id]).toBeGreaterThanOrEqual(8_000);
      expect(AVERAGE_EXECUTION_TIME_MS[id]).toBeLessThanOrEqual(15_000);
    }
  });
});
