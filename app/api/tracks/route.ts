import { parseQuery } from "@/lib/api/input";
import { route } from "@/lib/api/route";
import { listEndedGenerations } from "@/lib/api/tracks/list-ended-generations";
import { listTracks, listTracksQuerySchema } from "@/lib/api/tracks/list-tracks";

export const dynamic = "force-dynamic";

/**
 * The library: `?q=&model=&creator=&favorite=&keepers=&status=&sort=&limit=&cursor=`.
 * `status=ready` (the default) → `{ batches: [{ batchId, tracks }], nextCursor }`, one entry per
 * batch with its matching takes; `failed`, `expired` or `uncertain` → `{ generations, nextCursor }`,
 * the generations that ended that way without a track.
 */
export const GET = route(({ request, member }) => {
  const query = parseQuery(request, listTracksQuerySchema);
  return query.status === "ready" ? listTracks(query, member) : listEndedGenerations(query.status, query);
});
