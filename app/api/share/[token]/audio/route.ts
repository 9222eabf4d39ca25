import { z } from "zod";
import { parseQuery, queryFlag } from "@/lib/api/input";
import { publicRoute } from "@/lib/api/route";
import { streamSharedAudio } from "@/lib/api/shares/stream-shared-audio";

export const dynamic = "force-dynamic";

const audioQuerySchema = z.object({ download: queryFlag.default(false) });

/** Public: a shared track's audio, with `Range` support and `?download=1`; a dead link → 404. */
export const GET = publicRoute<{ token: string }>(({ request, params }) =>
  streamSharedAudio(params.token, request, parseQuery(request, audioQuerySchema)),
);
