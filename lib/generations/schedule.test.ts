import { describe, expect, it } from "vitest";
import {
  DEFAULT_POLL_POLICY,
  distributionFromP80,
  learnedDistribution,
  MIN_LEARNED_SAMPLES,
  nextPollDelayMs,
  type DurationDistribution,
} from "./schedule";

const P80 = 30_000;
const policy = DEFAULT_POLL_POLICY;

/** The poll times of one job, from enqueue until `untilMs`. */
function pollTimes(distribution: DurationDistribution | null, untilMs: number): number[] {
  const times: number[] = [];
  for (let at = 0; at < untilMs; ) {
    at += nextPollDelayMs(at, distribution, policy);
    times.push(at);
  }
  return times;
}

/**
 * Expected retrieve calls and median/p95 wait (finished → fetched) over a model's duration
 * spread, computed on an even grid of its quantiles, for a given list of poll times.
 */
function outcome(durations: number[], polls: (duration: number) => number[]) {
  let calls = 0;
  const waits: number[] = [];
  for (const duration of durations) {
    const times = polls(duration);
    const fetchedAt = times.find((time) => time >= duration)!;
    calls += times.filter((time) => time <= fetchedAt).length;
    waits.push(fetchedAt - duration);
  }
  waits.sort((a, b) => a - b);
  return {
    calls: calls / durations.length,
    median: waits[Math.floor(waits.length / 2)]!,
    p95: waits[Math.floor(waits.length * 0.95)]!,
  };
}

/** Durations at 1000 evenly spaced quantiles of the default shape (the simulator draws from it too). */
function defaultShapeDurations(p80: number): number[] {
  const knots = distributionFromP80(p80);
  return Array.from({ length: 1000 }, (_, i) => {
    const share = (i + 0.5) / 1000;
    for (let k = 1; k < knots.length; k++) {
      const [ms0, share0] = knots[k - 1]!;
      const [ms1, share1] = knots[k]!;
      if (share <= share1) return ms0 + ((share - share0) / (share1 - share0)) * (ms1 - ms0);
    }
    throw new Error("unreachable");
  });
}

describe("the default shape around Venice's P80", () => {
  it("puts 10% of jobs under 0.45× the P80, 80% by the P80, none past 1.5×", () => {
    expect(distributionFromP80(P80)).toEqual([
      [7_500, 0],
      [13_500, 0.1],
      [30_000, 0.8],
      [45_000, 1],
    ]);
  });
});

describe("nextPollDelayMs", () => {
  const distribution = distributionFromP80(P80);

  it("does not poll before the earliest time a job can be done", () => {
    expect(nextPollDelayMs(0, distribution)).toBeGreaterThan(7_500);
  });

  it("polls densely where jobs finish and sparsely where few do", () => {
    const early = nextPollDelayMs(9_000, distribution); // 10% of jobs finish over 6 s
    const peak = nextPollDelayMs(20_000, distribution); // 70% over 16.5 s
    expect(peak).toBeLessThan(early);
  });

  it("polls faster late in the spread, where each call is paid by the few jobs still running", () => {
    expect(nextPollDelayMs(40_000, distribution)).toBeLessThan(nextPollDelayMs(32_000, distribution));
  });

  it("never polls more often than the minimum interval", () => {
    for (let at = 0; at < 60_000; at += 250) expect(nextPollDelayMs(at, distribution)).toBeGreaterThanOrEqual(policy.minIntervalMs);
  });

  it("never waits past the slowest expected time", () => {
    expect(44_000 + nextPollDelayMs(44_000, distribution)).toBeLessThanOrEqual(45_000);
  });

  it("backs off gradually once a job outlives every expectation, up to the maximum interval", () => {
    expect(nextPollDelayMs(45_500, distribution)).toBe(policy.minIntervalMs);
    expect(nextPollDelayMs(65_000, distribution)).toBe(5_000);
    expect(nextPollDelayMs(3_600_000, distribution)).toBe(policy.maxIntervalMs);
  });

  it("asks early when nothing is known about the model, to learn Venice's P80", () => {
    expect(nextPollDelayMs(0, null)).toBe(policy.minIntervalMs);
  });

  const sampleLoop = (p80: number) => () => Array.from({ length: Math.ceil((10 * p80) / 3_000) + 1 }, (_, i) => i * 3_000);
  const ourPolls = (p80: number) => () => pollTimes(distributionFromP80(p80), 10 * p80);

  it("beats Venice's 3 s sample loop on calls, median and p95 wait for a 30 s P80", () => {
    const durations = defaultShapeDurations(30_000);
    const ours = outcome(durations, ourPolls(30_000));
    const sample = outcome(durations, sampleLoop(30_000));
    expect(ours.calls).toBeLessThan(0.9 * sample.calls);
    expect(ours.median).toBeLessThan(0.7 * sample.median);
    expect(ours.p95).toBeLessThan(0.8 * sample.p95);
  });

  it("spends half the calls of the sample loop on a 2-minute model for about the same median wait", () => {
    const durations = defaultShapeDurations(120_000);
    const ours = outcome(durations, ourPolls(120_000));
    const sample = outcome(durations, sampleLoop(120_000));
    expect(ours.calls).toBeLessThan(0.5 * sample.calls);
    expect(ours.median - sample.median).toBeLessThan(500);
  });
});

describe("learnedDistribution", () => {
  it("needs enough finished jobs", () => {
    expect(learnedDistribution(Array.from({ length: MIN_LEARNED_SAMPLES - 1 }, () => 10_000))).toBeNull();
  });

  it("follows a model's real spread: a tight one gets its polls where its jobs finish", () => {
    const samples = Array.from({ length: 40 }, (_, i) => 20_000 + i * 50); // 20.0 to 21.95 s
    const learned = learnedDistribution(samples)!;
    expect(learned[0]![0]).toBeCloseTo(16_000);
    expect(learned.at(-1)![0]).toBeCloseTo(26_340);
    // 5% finish between 16 s and 20.1 s, then the bulk: the first poll waits for the bulk.
    const first = nextPollDelayMs(0, learned);
    expect(first).toBeGreaterThan(19_000);
    expect(first).toBeLessThan(20_500);
    // Against Venice's default shape for the same P80, its polls are packed far tighter.
    expect(nextPollDelayMs(20_500, learned)).toBeLessThan(nextPollDelayMs(20_500, distributionFromP80(21_600)));
  });

  it("keeps a CDF when many jobs took exactly as long", () => {
    const learned = learnedDistribution(Array.from({ length: 10 }, () => 5_000))!;
    expect(learned.map(([, share]) => share)).toEqual([0, 0.95, 1]);
    for (let i = 1; i < learned.length; i++) expect(learned[i]![0]).toBeGreaterThan(learned[i - 1]![0]);
  });
});
