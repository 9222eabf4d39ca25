import "server-only";
import type { ModelCapabilities, ModelKind } from "@/lib/venice/capabilities";
import { usableModels } from "@/lib/venice-catalog";

// The catalog as the studio's form reads it: usable models only (offline and voice-changer
// models hidden), grouped by what they make. Each entry is the model's capabilities as they
// are, so the browser validates and prices with the same code as the server.

export type ModelsByKind = { music: ModelCapabilities[]; soundEffects: ModelCapabilities[]; speech: ModelCapabilities[] };

const GROUP_BY_KIND: Readonly<Record<ModelKind, keyof ModelsByKind>> = {
  music: "music",
  "sound-effect": "soundEffects",
  speech: "speech",
};

export async function listModelsByKind(): Promise<ModelsByKind> {
  const groups: ModelsByKind = { music: [], soundEffects: [], speech: [] };
  for (const model of await usableModels()) groups[GROUP_BY_KIND[model.kind]].push(model);
  return groups;
}
