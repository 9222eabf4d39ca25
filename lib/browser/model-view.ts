// How the browser words models. GET /api/models sends each model's capabilities as
// they are (app/api/models/route.ts), so the form needs no conversion.
import { formatRate } from "@/lib/money";
import type { ModelCapabilities, ModelKind } from "@/lib/venice/capabilities";

const KIND_GROUPS: readonly { kind: ModelKind; label: string }[] = [
  { kind: "music", label: "Music" },
  { kind: "sound-effect", label: "Sound effects" },
  { kind: "speech", label: "Speech" },
];

type ModelGroup = { label: string; models: ModelCapabilities[] };

/** The models under the picker's headings (music, sound effects, speech), each in the catalog's order; empty groups left out. */
export function groupByKind(models: readonly ModelCapabilities[]): ModelGroup[] {
  return KIND_GROUPS.map(({ kind, label }) => ({ label, models: models.filter((model) => model.kind === kind) })).filter(
    (group) => group.models.length > 0,
  );
}

/** How a model is priced, in one short phrase. */
export function priceHint({ pricing }: ModelCapabilities): string {
  if ("generation" in pricing) return `${formatRate(pricing.generation.usd)} per track`;
  if ("per_second" in pricing) return `${formatRate(pricing.per_second.usd)} per second`;
  if ("per_thousand_characters" in pricing) return `${formatRate(pricing.per_thousand_characters.usd)} per 1,000 characters`;
  const cheapest = Object.values(pricing.durations).sort((a, b) => a.usd - b.usd)[0];
  return cheapest ? `from ${formatRate(cheapest.usd)} (up to ${cheapest.max_seconds} s)` : "priced by duration";
}
