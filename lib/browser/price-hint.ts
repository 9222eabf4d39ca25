// How the model picker words a model's price, in one short phrase. Money is written by lib/money.
import { formatPerMinute, formatRate } from "@/lib/money";
import type { ModelCapabilities } from "@/lib/venice/capabilities";

const MINUTE_SECONDS = 60;

/** How a model is priced, in one short phrase: "$0.10 per track", "$0.17 per minute". */
export function priceHint(model: ModelCapabilities): string {
  const { pricing } = model;
  if ("generation" in pricing) return `${formatRate(pricing.generation.usd)} per track`;
  if ("per_second" in pricing) {
    // A minute is the unit people read a song's price in; a model that cannot make one
    // (a short sound effect) keeps its price per second.
    return longestSeconds(model) >= MINUTE_SECONDS
      ? `${formatPerMinute(pricing.per_second.usd)} per minute`
      : `${formatRate(pricing.per_second.usd)} per second`;
  }
  if ("per_thousand_characters" in pricing) return `${formatRate(pricing.per_thousand_characters.usd)} per 1,000 characters`;
  const cheapest = Object.values(pricing.durations).sort((a, b) => a.usd - b.usd)[0];
  return cheapest ? `from ${formatRate(cheapest.usd)} (up to ${cheapest.max_seconds} s)` : "priced by duration";
}

/** The longest track the model makes: its duration's upper bound, else the length it prices (Seed Audio's 120 s). */
function longestSeconds({ duration, defaultDurationSeconds }: ModelCapabilities): number {
  if (duration?.kind === "range") return duration.max;
  if (duration?.kind === "options") return Math.max(...duration.options);
  return defaultDurationSeconds ?? 0;
}
