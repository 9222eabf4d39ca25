// How the browser words models and money. GET /api/models sends each model's capabilities as
// they are (lib/api/models/list-models.ts), so the form needs no conversion.
import type { ModelCapabilities } from "@/lib/venice/capabilities";

export type { ModelsByKind } from "@/lib/api/models/list-models";

/** "$0.48": money as the studio shows it. */
export function formatUsd(usd: number): string {
  return `$${usd.toFixed(2)}`;
}

/** A published rate without float noise ($0.115, $0.002875), at least to the cent. */
function formatRate(amount: number): string {
  const exact = Number(amount.toPrecision(4));
  const decimals = String(exact).split(".")[1]?.length ?? 0;
  return `$${exact.toFixed(Math.max(2, decimals))}`;
}

/** How a model is priced, in one short phrase. */
export function priceHint({ pricing }: ModelCapabilities): string {
  if ("generation" in pricing) return `${formatRate(pricing.generation.usd)} per track`;
  if ("per_second" in pricing) return `${formatRate(pricing.per_second.usd)} per second`;
  if ("per_thousand_characters" in pricing) return `${formatRate(pricing.per_thousand_characters.usd)} per 1,000 characters`;
  const cheapest = Object.values(pricing.durations).sort((a, b) => a.usd - b.usd)[0];
  return cheapest ? `from ${formatRate(cheapest.usd)} (up to ${cheapest.max_seconds} s)` : "priced by duration";
}
