// The browser's side of GET /api/models: the normalized views turned back into the
// capabilities the shared schema (generation-request.ts) and estimate (pricing.ts) read.
import type { ModelPricing, ModelView, ModelsByKind } from "@/lib/api/models/list-models";
import type { ModelCapabilities } from "@/lib/venice/capabilities";

export type { ModelView, ModelsByKind };

/** /api/models lists usable models only, so none is offline or a voice changer. */
export function capabilitiesOf(view: ModelView): ModelCapabilities {
  return { ...view, pricing: publishedPricing(view.pricing), offline: false, voiceChanger: false };
}

// The view carries USD only; priceOf reads nothing else, so DIEM prices stay at 0 here.
function publishedPricing(pricing: ModelPricing): ModelCapabilities["pricing"] {
  switch (pricing.kind) {
    case "per_generation":
      return { generation: { usd: pricing.usd, diem: 0 } };
    case "per_second":
      return { per_second: { usd: pricing.usd, diem: 0 } };
    case "per_thousand_characters":
      return { per_thousand_characters: { usd: pricing.usd, diem: 0 } };
    case "by_duration":
      return {
        durations: Object.fromEntries(
          pricing.tiers.map((tier) => [
            String(tier.maxSeconds),
            { min_seconds: tier.minSeconds, max_seconds: tier.maxSeconds, usd: tier.usd, diem: 0 },
          ]),
        ),
      };
  }
}

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
export function priceHint({ pricing }: ModelView): string {
  switch (pricing.kind) {
    case "per_generation":
      return `${formatRate(pricing.usd)} per track`;
    case "per_second":
      return `${formatRate(pricing.usd)} per second`;
    case "per_thousand_characters":
      return `${formatRate(pricing.usd)} per 1,000 characters`;
    case "by_duration": {
      const cheapest = [...pricing.tiers].sort((a, b) => a.usd - b.usd)[0];
      return cheapest ? `from ${formatRate(cheapest.usd)} (up to ${cheapest.maxSeconds} s)` : "priced by duration";
    }
  }
}
