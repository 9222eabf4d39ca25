// How long a simulated generation takes.
//
// Venice reports one number per model, `average_execution_time`: the P80 of the total
// time a job of that model takes (ms). The simulator gives every model such a P80 (the
// table below: plausible figures, Venice publishes none) and draws each job's duration
// from a distribution built around it.
//
// The distribution is a piecewise-linear inverse CDF through these points
// (u = quantile, value = multiple of the P80):
//
//     u:      0.00   0.10   0.80   1.00
//     x P80:  0.25   0.45   1.00   1.50
//
// so the fastest tenth of jobs finish in under 0.45x the P80, 80% finish within the P80,
// and the slowest job takes 1.5x it (a long right tail, like real queues). It is bounded
// on both sides, which keeps tests and benchmarks deterministic in their worst case.
// `speed` (SIM_SPEED) divides all of these times.

/** P80 execution time per model, ms (the model's `average_execution_time` at speed 1). */
export const AVERAGE_EXECUTION_TIME_MS: Readonly<Record<string, number>> = {
  "ace-step-15": 30_000,
  "elevenlabs-music": 75_000,
  "elevenlabs-sound-effects-v2": 8_000,
  "elevenlabs-tts-multilingual-v2": 4_000,
  "elevenlabs-tts-v3": 5_000,
  "lyria-3-pro": 60_000,
  "minimax-music-v2": 90_000,
  "minimax-music-v25": 105_000,
  "minimax-music-v26": 120_000,
  "mmaudio-v2-text-to-audio": 12_000,
  "seed-audio-1-0": 45_000,
  "sonilo-v1-1-music": 25_000,
  "sonilo-v1-1-sound-effects": 10_000,
  "stable-audio-25": 20_000,
};

/** Used for a model missing from the table (e.g. a test-supplied catalog). */
const DEFAULT_EXECUTION_TIME_MS = 30_000;

export function averageExecutionTimeMs(modelId: string): number {
  return AVERAGE_EXECUTION_TIME_MS[modelId] ?? DEFAULT_EXECUTION_TIME_MS;
}

/** The inverse CDF's knots: [quantile, multiple of the P80]. */
const EXECUTION_TIME_QUANTILES: readonly (readonly [number, number])[] = [
  [0, 0.25],
  [0.1, 0.45],
  [0.8, 1.0],
  [1, 1.5],
];

/** Multiple of the P80 at quantile `u` (0..1), by linear interpolation between knots. */
export function executionTimeFactor(u: number): number {
  const q = Math.min(1, Math.max(0, u));
  for (let i = 1; i < EXECUTION_TIME_QUANTILES.length; i++) {
    const [u1, f1] = EXECUTION_TIME_QUANTILES[i]!;
    const [u0, f0] = EXECUTION_TIME_QUANTILES[i - 1]!;
    if (q <= u1) return f0 + ((q - u0) / (u1 - u0)) * (f1 - f0);
  }
  return EXECUTION_TIME_QUANTILES[EXECUTION_TIME_QUANTILES.length - 1]![1];
}

export type Rng = () => number;

/** mulberry32: a small, fast, seedable PRNG returning floats in [0, 1). */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Draw one job's execution time (ms, at speed 1) for a model whose P80 is `p80Ms`.
 * Pass a seeded `rng` (see `createRng`) for reproducible draws.
 */
export function sampleExecutionTimeMs(p80Ms: number, rng: Rng = Math.random): number {
  return Math.round(p80Ms * executionTimeFactor(rng()));
}
