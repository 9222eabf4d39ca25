import { parseQuery } from "@/lib/api/input";
import { route } from "@/lib/api/route";
import { listTracks, listTracksQuerySchema } from "@/lib/api/tracks/list-tracks";

export const dynamic = "force-dynamic";

/** The library: `?q=&model=&creator=&favorite=&status=&sort=&limit=&cursor=` → `{ tracks, nextCursor }`. */
export const GET = route(({ request }) => listTracks(parseQuery(request, listTracksQuerySchema)));
