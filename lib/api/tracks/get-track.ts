import "server-only";
import { ApiError } from "@/lib/errors";
import type { Member } from "@/lib/auth/member";
import { findActiveTrack, TRACK_NOT_FOUND } from "@/lib/api/tracks/find-track";
import { storedRequest } from "@/lib/api/tracks/stored-request";
import { toTrackViews, trackViewSelect, type TrackView } from "@/lib/api/tracks/track-view";
import { db } from "@/lib/db/client";
import type { GenerationRequest } from "@/lib/venice/generation-request";

/** GET /api/tracks/:id: the track, every live take of its batch (itself included) and what made it. */
export type TrackDetail = {
  track: TrackView;
  /** By take number. */
  takes: TrackView[];
  /** Every setting of the stored request (the model is the track's); null when it no longer parses. */
  settings: GenerationRequest | null;
};

export async function getTrack(id: string, viewer: Member): Promise<TrackDetail> {
  const found = await findActiveTrack(id, { id: true, batchId: true, generation: { select: { request: true } } });
  const prisma = await db();
  const rows = await prisma.track.findMany({
    where: { batchId: found.batchId, deletedAt: null },
    orderBy: [{ takeIndex: "asc" }, { id: "asc" }],
    select: trackViewSelect(viewer.id),
  });
  const takes = await toTrackViews(rows, viewer, new Map([[found.batchId, rows.length]]));
  const track = takes.find((take) => take.id === found.id);
  // Deleted between the two reads.
  if (!track) throw new ApiError("not_found", TRACK_NOT_FOUND);
  return { track, takes, settings: storedRequest(found.generation.request) };
}
