// When to ask Venice again whether a job is done.
//
// Every retrieve costs one call of a budget shared by all jobs (100 a minute, below Venice's
// 120), and every moment between "Venice finished" and "the studio asked" is a creator
// waiting for a track that is already there. Venice's sample client polls every 3 s from the
// moment of enqueue, which spends calls while no job can possibly be done yet and then keeps
// the same pace whether or not jobs are likely to finish.
//
// Here the polls follow the model's duration distribution. Placing a poll after a gap of Δ
// at time t costs about one call for every job still running (survival S(t)) and saves
// waiting for the jobs that finish inside the gap (density f(t), each waiting Δ/2 on
// average). Minimizing  expected delay + callCost × expected calls  gives, per point in time,
//
//     Δ(t) = √(2 · callCost · S(t) / f(t))
//
// so polls are dense where jobs typically finish (high f) and late in the spread, where
// each call is paid only by the few jobs still running (low S), and sparse early on, where
// almost every job is still running and few are finishing. No poll comes before the
// earliest time a job of this model finishes, and none more often than `minIntervalMs`.
// Past the slowest expected time the distribution says nothing more; a job there is polled
// at gaps of a quarter of its overtime, growing from minIntervalMs up to maxIntervalMs, so
// a job just past the expected end is still fetched quickly and a stuck one costs little.
//
// The distribution is learned from the model's own finished jobs once there are enough of
// them; until then it is Venice's P80 (`average_execution_time`) with a default shape: 10%
// of jobs finish under 0.45× the P80, 80% by the P80, the slowest at 1.5×, none under 0.25×.

/** A piecewise-linear CDF through [ms, share of jobs finished by then] knots, shares 0 → 1. */
export type DurationDistribution = readonly (readonly [ms: number, share: number])[];

export type PollPolicy = {
  /** Never poll one job more often than this. */
  minIntervalMs: number;
  /** Never leave a running job unpolled for longer than this. */
  maxIntervalMs: number;
  /** How much waiting (ms) one saved retrieve call is worth. */
  callCostMs: number;
};

export const DEFAULT_POLL_POLICY: PollPolicy = { minIntervalMs: 1_000, maxIntervalMs: 30_000, callCostMs: 150 };

const DEFAULT_SHAPE: DurationDistribution = [
  [0.25, 0],
  [0.45, 0.1],
  [1, 0.8],
  [1.5, 1],
];

export function distributionFromP80(p80Ms: number): DurationDistribution {
  return DEFAULT_SHAPE.map(([multiple, share]) => [multiple * p80Ms, share] as const);
}

/** Fewer finished jobs than this say too little about a model's spread. */
export const MIN_LEARNED_SAMPLES = 8;

const LEARNED_SHARES = [0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1];
// The observed extremes are widened: a few dozen jobs rarely include the fastest and slowest.
const LEARNED_MARGIN = 0.2;

/**
 * The spread of a model's real durations, smoothed to a few quantiles, or null when there
 * are fewer than MIN_LEARNED_SAMPLES of them.
 */
export function learnedDistribution(samplesMs: readonly number[]): DurationDistribution | null {
  const sorted = samplesMs.filter((ms) => Number.isFinite(ms) && ms > 0).sort((a, b) => a - b);
  if (sorted.length < MIN_LEARNED_SAMPLES) return null;
  const knots: [number, number][] = [];
  for (const share of LEARNED_SHARES) {
    let ms = quantile(sorted, share);
    if (share === 0) ms *= 1 - LEARNED_MARGIN;
    if (share === 1) ms *= 1 + LEARNED_MARGIN;
    const last = knots.at(-1);
    // Equal durations make a vertical step: keep its top, so the CDF stays a function.
    if (last && ms <= last[0]) last[1] = share;
    else knots.push([ms, share]);
  }
  return knots.length >= 2 ? knots : null;
}

/** Linear interpolation between order statistics. */
function quantile(sorted: readonly number[], share: number): number {
  const position = share * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below]! + (position - below) * (sorted[above]! - sorted[below]!);
}

const TAIL_FRACTION_OF_OVERTIME = 0.25;

/**
 * How long to wait before the next retrieve of a job that has been running `elapsedMs`.
 * With no distribution at all (a model never seen, Venice's P80 not known yet) the job is
 * polled after minIntervalMs, and its first answer brings the P80.
 */
export function nextPollDelayMs(
  elapsedMs: number,
  distribution: DurationDistribution | null,
  policy: PollPolicy = DEFAULT_POLL_POLICY,
): number {
  const clamp = (ms: number) => Math.min(policy.maxIntervalMs, Math.max(policy.minIntervalMs, ms));
  if (!distribution || distribution.length < 2) return policy.minIntervalMs;
  const slowest = distribution.at(-1)![0];
  if (elapsedMs >= slowest) return clamp(TAIL_FRACTION_OF_OVERTIME * (elapsedMs - slowest));
  // Polls before the earliest finish would be wasted, so the gap is counted from there.
  const from = Math.max(elapsedMs, distribution[0]![0]);
  return clamp(nextPollAt(distribution, from, policy.callCostMs) - elapsedMs);
}

/**
 * The first moment τ after `from` at which the time since `from` reaches the gap Δ(τ) asked
 * for at τ itself: a gap that starts where few jobs finish closes early when it runs into
 * the bulk of them. Δ only shrinks inside a segment of the CDF (survival falls, density is
 * constant), so each segment holds at most one crossing, found by bisection. Everything is
 * done by the last knot, so a poll comes then at the latest.
 */
function nextPollAt(distribution: DurationDistribution, from: number, callCostMs: number): number {
  for (let i = 1; i < distribution.length; i++) {
    const [startMs, startShare] = distribution[i - 1]!;
    const [endMs, endShare] = distribution[i]!;
    if (endMs <= from) continue;
    const density = (endShare - startShare) / (endMs - startMs);
    const gapAt = (ms: number) => Math.sqrt((2 * callCostMs * (1 - (startShare + (ms - startMs) * density))) / density);
    const overdue = (ms: number) => ms - from >= gapAt(ms);
    let low = Math.max(startMs, from);
    if (overdue(low)) return low;
    let high = endMs;
    if (!overdue(high)) continue;
    for (let step = 0; step < 40 && high - low > 1; step++) {
      const middle = (low + high) / 2;
      if (overdue(middle)) high = middle;
      else low = middle;
    }
    return high;
  }
  return distribution.at(-1)![0];
}
