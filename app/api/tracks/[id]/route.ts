import { parseJsonBody } from "@/lib/api/input";
import { route } from "@/lib/api/route";
import { deleteTrack } from "@/lib/api/tracks/delete-track";
import { getTrack } from "@/lib/api/tracks/find-track";
import { updateTrack, updateTrackSchema } from "@/lib/api/tracks/update-track";

export const dynamic = "force-dynamic";

type Params = { id: string };

export const GET = route<Params>(({ params }) => getTrack(params.id));

/** `{ title?, favorite? }`: rename (creator or admin) and/or (un)favorite. */
export const PATCH = route<Params>(async ({ request, params, member }) =>
  updateTrack(params.id, await parseJsonBody(request, updateTrackSchema), member),
);

/** Soft delete → `{ id, deletedAt }`; POST ./restore undoes it. */
export const DELETE = route<Params>(({ params, member }) => deleteTrack(params.id, member));
