import "server-only";
import type { ModelCapabilities, ModelKind } from "@/lib/venice/capabilities";
import { usableModels } from "@/lib/venice/catalog";
import type { MusicPricing } from "@/lib/venice/schemas";

// The catalog as the studio's form reads it: usable models only (offline and voice-changer
// models hidden), grouped by what they make, with one pricing shape per kind of price.

export type ModelPricing =
  | { kind: "per_generation"; usd: number }
  | { kind: "per_second"; usd: number }
  | { kind: "per_thousand_characters"; usd: number }
  | { kind: "by_duration"; tiers: { minSeconds: number; maxSeconds: number; usd: number }[] };

export type ModelView = Omit<ModelCapabilities, "pricing" | "offline" | "voiceChanger"> & { pricing: ModelPricing };

export type ModelsByKind = { music: ModelView[]; soundEffects: ModelView[]; speech: ModelView[] };

const GROUP_BY_KIND: Readonly<Record<ModelKind, keyof ModelsByKind>> = {
  music: "music",
  "sound-effect": "soundEffects",
  speech: "speech",
};

export async function listModelsByKind(): Promise<ModelsByKind> {
  const groups: ModelsByKind = { music: [], soundEffects: [], speech: [] };
  for (const model of await usableModels()) groups[GROUP_BY_KIND[model.kind]].push(toModelView(model));
  return groups;
}

function toModelView({ pricing, offline: _offline, voiceChanger: _voiceChanger, ...model }: ModelCapabilities): ModelView {
  return { ...model, pricing: normalizePricing(pricing) };
}

function normalizePricing(pricing: MusicPricing): ModelPricing {
  if ("generation" in pricing) return { kind: "per_generation", usd: pricing.generation.usd };
  if ("per_second" in pricing) return { kind: "per_second", usd: pricing.per_second.usd };
  if ("per_thousand_characters" in pricing) return { kind: "per_thousand_characters", usd: pricing.per_thousand_characters.usd };
  const tiers = Object.values(pricing.durations)
    .map(({ min_seconds, max_seconds, usd }) => ({ minSeconds: min_seconds, maxSeconds: max_seconds, usd }))
    .sort((a, b) => a.minSeconds - b.minSeconds);
  return { kind: "by_duration", tiers };
}
