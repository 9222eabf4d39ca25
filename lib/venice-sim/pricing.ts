// The quote rule: what a job costs, from the model's `pricing` (exactly one of four shapes).
//
// - generation:               flat price per job.
// - per_second:               price x duration (requested duration, else default_duration;
//                             seed-audio has no duration_seconds and reserves its 120 s cap).
// - per_thousand_characters:  price x characters / 1000 (the quote's character_count; at
//                             queue time the trimmed prompt's length).
// - durations:                the tier whose inclusive [min_seconds, max_seconds] holds the
//                             duration (requested, else default_duration).
//
// Amounts are rounded to the micro-dollar (6 decimals): fine enough that a 1 s sound effect
// at $0.00092/s is not rounded away, coarse enough to drop float noise
// (0.11500000000000002 x 0.1 = 0.0115). Balances are kept in integer micro-dollars so that
// charges and refunds add up exactly.

import type { SimModelSpec } from "./catalog";

export type PriceInput = { durationSeconds?: number; characterCount?: number };

export type PriceResult =
  | { ok: true; usd: number }
  | { ok: false; field: "duration_seconds" | "character_count" | "model"; message: string };

const MICROS_PER_USD = 1_000_000;

export function toMicros(usd: number): number {
  return Math.round(usd * MICROS_PER_USD);
}

export function fromMicros(micros: number): number {
  return micros / MICROS_PER_USD;
}

function roundUsd(usd: number): number {
  return fromMicros(toMicros(usd));
}

/** Does the model publish duration metadata (and so accept `duration_seconds`)? */
export function hasDurationMetadata(spec: SimModelSpec): boolean {
  return (
    (spec.duration_options?.length ?? 0) > 0 || spec.min_duration !== undefined || spec.max_duration !== undefined
  );
}

export function isPricedPerCharacter(spec: SimModelSpec): boolean {
  return "per_thousand_characters" in spec.pricing;
}

export function priceFor(spec: SimModelSpec, input: PriceInput): PriceResult {
  const pricing = spec.pricing;
  if ("generation" in pricing) return { ok: true, usd: roundUsd(pricing.generation.usd) };

  if ("per_thousand_characters" in pricing) {
    const chars = input.characterCount;
    if (chars === undefined) {
      return { ok: false, field: "character_count", message: "character_count is required for this model" };
    }
    return { ok: true, usd: roundUsd((pricing.per_thousand_characters.usd * chars) / 1000) };
  }

  const seconds = input.durationSeconds ?? spec.default_duration;
  if (seconds === undefined) {
    return { ok: false, field: "duration_seconds", message: "duration_seconds is required for this model" };
  }

  if ("per_second" in pricing) return { ok: true, usd: roundUsd(pricing.per_second.usd * seconds) };

  for (const tier of Object.values(pricing.durations)) {
    if (seconds >= tier.min_seconds && seconds <= tier.max_seconds) return { ok: true, usd: roundUsd(tier.usd) };
  }
  return { ok: false, field: "duration_seconds", message: `No price tier covers a duration of ${seconds} seconds` };
}
