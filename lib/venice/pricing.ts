// The studio's own price estimate for a request, from the pricing a model publishes. The
// /audio/quote answer remains the authority for what Venice charges.
import { roundUpToCent } from "@/lib/money";
import type { ModelCapabilities } from "./capabilities";
import type { GenerationRequest } from "./generation-request";

export type PricedRequest = Pick<GenerationRequest, "prompt" | "duration_seconds">;

/** Estimated USD price, rounded up to a whole cent: an estimate never shows less than the charge. */
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

/** Characters billed by per-thousand-characters models: the prompt Venice receives (trimmed by the request schema). */
export function promptCharacterCount(request: Pick<GenerationRequest, "prompt">): number {
  return request.prompt.length;
}
