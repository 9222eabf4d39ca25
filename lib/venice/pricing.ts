// The studio's own price estimate for a request, from the pricing a model publishes. The
// /audio/quote answer remains the authority for what Venice charges.
import type { ModelCapabilities } from "./capabilities";
import type { GenerationRequest } from "./generation-request";

export type PricedRequest = Pick<GenerationRequest, "prompt" | "duration_seconds">;

/** Estimated USD price, rounded up to a whole cent (see roundUpToCent). */
export function priceOf(model: ModelCapabilities, request: PricedRequest): number {
  const { pricing } = model;
  if ("generation" in pricing) return roundUpToCent(pricing.generation.usd);
  if ("per_thousand_characters" in pricing) {
    return roundUpToCent((pricing.per_thousand_characters.usd * promptCharacterCount(request)) / 1000);
  }
  const seconds = pricedSeconds(model, request);
  if ("per_second" in pricing) return roundUpToCent(pricing.per_second.usd * seconds);
  // Tier bounds are inclusive; tiers are keyed by their upper bound, but the bounds decide.
  const tier = Object.values(pricing.durations).find(
    ({ min_seconds, max_seconds }) => min_seconds <= seconds && seconds <= max_seconds,
  );
  if (!tier) throw new RangeError(`${model.name} has no price for ${seconds} seconds.`);
  return roundUpToCent(tier.usd);
}

// The length Venice bills: the requested duration where the model lets it be set, otherwise
// the model's default (Seed Audio: the 120 s it reserves at queue time).
function pricedSeconds(model: ModelCapabilities, request: PricedRequest): number {
  const seconds = (model.duration ? request.duration_seconds : undefined) ?? model.defaultDurationSeconds;
  if (seconds === undefined) throw new RangeError(`${model.name} publishes no duration to price.`);
  return seconds;
}

/**
 * Money is shown in whole cents ($0.48). Published rates carry binary float noise
 * (0.11500000000000002), so the amount is first snapped to a whole micro-dollar, then rounded
 * UP to the cent: an estimate never shows less than the charge, and a paid job never shows
 * $0.00 (5 s at $0.00092/s is $0.0046, shown as $0.01).
 */
export function roundUpToCent(usd: number): number {
  const micros = Math.round(usd * 1_000_000);
  return Math.ceil(micros / 10_000) / 100;
}

/** A balance shown to the cent never claims more than there is: $0.999 shows as $0.99. */
export function roundDownToCent(usd: number): number {
  const micros = Math.round(usd * 1_000_000);
  return Math.floor(micros / 10_000) / 100;
}

/** Characters billed by per-thousand-characters models: the trimmed prompt Venice receives. */
export function promptCharacterCount(request: Pick<GenerationRequest, "prompt">): number {
  return request.prompt.trim().length;
}
