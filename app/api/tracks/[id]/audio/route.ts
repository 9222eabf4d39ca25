import { z } from "zod";
import { parseQuery, queryFlag } from "@/lib/api/input";
import { route } from "@/lib/api/route";
import { streamTrackAudio } from "@/lib/api/tracks/stream-track-audio";

export const dynamic = "force-dynamic";

const audioQuerySchema = z.object({ download: queryFlag.default(false) });

/** The audio file: `Range` → 206, beyond the end → 416; `?download=1` names the file after the title. */
export const GET = route<{ id: string }>(({ request, params }) =>
  streamTrackAudio(params.id, request, parseQuery(request, audioQuerySchema)),
);
