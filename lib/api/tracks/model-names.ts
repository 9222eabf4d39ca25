import "server-only";
import { log } from "@/lib/log";
import { getCatalog } from "@/lib/venice-catalog";

// How long a track answer waits for Venice's catalog (cached a minute) before it shows model
// ids: the library and the track page must not hang on Venice being slow or down. The fetch
// goes on and fills the cache for the next answer.
const CATALOG_WAIT_MS = 2_000;

/** Each model's display name by id; a model the catalog does not list (any longer) is left out. */
export async function modelNames(): Promise<Map<string, string>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), CATALOG_WAIT_MS)));
  try {
    const models = await Promise.race([getCatalog(), deadline]);
    if (models) return new Map(models.map((model) => [model.id, model.name]));
    log().warn("track views: Venice's catalog is slow to answer, showing model ids");
  } catch (error) {
    log().warn({ err: error }, "track views: Venice's catalog unavailable, showing model ids");
  } finally {
    clearTimeout(timer);
  }
  return new Map();
}
