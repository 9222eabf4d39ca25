import { parseQuery } from "@/lib/api/input";
import { route } from "@/lib/api/route";
import { listEndedGenerations } from "@/lib/api/tracks/list-ended-generations";
import { listTracks, listTracksQuerySchema } from "@/lib/api/tracks/list-tracks";

export const dynamic = "force-dynamic";

/**
 * The library: `?q=&model=&creator=&favorite=&status=&sort=&limit=&cursor=`.
 * `status=ready` (the default) → `{ tracks, nextCursor }`; `failed`, `expired` or `uncertain`
 * → `{ generations, nextCursor }`, the generations that ended that way without a track.
 */
export const GET = route(({ request }) => {
  const query = parseQuery(request, listTracksQuerySchema);
  return query.status === "ready" ? listTracks(query) : listEndedGenerations(query.status, query);
});
