import { parseJsonBody } from "@/lib/api/input";
import { route } from "@/lib/api/route";
import { deleteTrack } from "@/lib/api/tracks/delete-track";
import { getTrack } from "@/lib/api/tracks/get-track";
import { updateTrack, updateTrackSchema } from "@/lib/api/tracks/update-track";

export const dynamic = "force-dynamic";

type Params = { id: string };

/** `{ track, takes, settings }`: the track, every live take of its batch, and the request that made it. */
export const GET = route<Params>(({ params, member }) => getTrack(params.id, member));

/**
 * One of `{ favorite }` (the member's own), `{ title }` or `{ kept }` (its creator or an admin:
 * kept makes it its batch's keeper, or not) → the track.
 */
export const PATCH = route<Params>(async ({ request, params, member }) =>
  updateTrack(params.id, await parseJsonBody(request, updateTrackSchema), member),
);

/** Soft delete → `{ id, deletedAt }`; POST ./restore undoes it. */
export const DELETE = route<Params>(({ params, member }) => deleteTrack(params.id, member));
