import "server-only";
import { log } from "@/lib/log";
import { processSingleton } from "@/lib/process-singleton";
import { capabilities, isUsable, type ModelCapabilities } from "@/lib/venice/capabilities";
import { veniceClient } from "@/lib/venice-target";

// Venice's music catalog, normalized, fetched at most once a minute per process: every form
// load, quote and submit needs it, and Venice's rate limits are better spent on jobs.
const TTL_MS = 60_000;

type Cached = { models: ModelCapabilities[]; fetchedAt: number };
type CatalogCache = { current?: Cached; inflight?: Promise<Cached> };

async function fetchCatalog(): Promise<Cached> {
  const { models, skipped } = await (await veniceClient()).listMusicModels();
  if (skipped.length > 0) log().warn({ skipped }, "Venice models left out of the catalog: their entries did not parse");
  return { models: models.map(capabilities), fetchedAt: Date.now() };
}

/** Every model Venice lists under type=music, normalized (offline ones included). */
export async function getCatalog(): Promise<ModelCapabilities[]> {
  const cache = processSingleton<CatalogCache>("venice-catalog", () => ({}));
  if (cache.current && Date.now() - cache.current.fetchedAt < TTL_MS) return cache.current.models;
  cache.inflight ??= fetchCatalog().finally(() => (cache.inflight = undefined));
  cache.current = await cache.inflight;
  return cache.current.models;
}

/** The models a creator can use now (online, not voice changers). */
export async function usableModels(): Promise<ModelCapabilities[]> {
  return (await getCatalog()).filter(isUsable);
}

export async function findModel(id: string): Promise<ModelCapabilities | undefined> {
  return (await getCatalog()).find((model) => model.id === id);
}
