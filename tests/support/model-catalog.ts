// Test fixtures: the simulator's catalog of Venice's 14 music models (real ids and pricing,
// capability flags from Venice's documented facts) as the studio parses them, and Venice's own
// catalog snapshot from ../shared. Only tests import this file.
import { SIM_MODELS } from "@/lib/venice-sim/catalog";
import { capabilities, type ModelCapabilities } from "@/lib/venice/capabilities";
import { musicModelSchema, type MusicModel } from "@/lib/venice/schemas";
import { readSharedVenice } from "./shared-venice";

export const CATALOG_MODELS: MusicModel[] = SIM_MODELS.map((model) => musicModelSchema.parse(model));

function catalogModel(id: string): MusicModel {
  const model = CATALOG_MODELS.find((candidate) => candidate.id === id);
  if (!model) throw new Error(`no catalog model ${id}`);
  return model;
}

export function catalogCapabilities(id: string): ModelCapabilities {
  return capabilities(catalogModel(id));
}

/** The `type: "music"` entries of Venice's static-models.json snapshot, parsed. */
export function staticMusicModels(): MusicModel[] {
  const all: unknown = JSON.parse(readSharedVenice("static-models.json"));
  if (!Array.isArray(all)) throw new Error("static-models.json is not a list");
  return all
    .filter((entry) => typeof entry === "object" && entry !== null && "type" in entry && entry.type === "music")
    .map((entry) => musicModelSchema.parse(entry));
}
