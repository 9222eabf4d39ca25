import "server-only";
import { ApiError } from "@/lib/api/errors";
import { parseId } from "@/lib/api/input";
import { canManage, type Member } from "@/lib/api/member";
import { toTrackView, trackViewSelect, type TrackView } from "@/lib/api/tracks/track-view";
import { db } from "@/lib/db/client";

const NOT_FOUND = "This track does not exist.";

/** Undoes a delete (the one place soft-deleted tracks are seen). Restoring a live track is a no-op. */
export async function restoreTrack(id: string, member: Member): Promise<TrackView> {
  const prisma = await db();
  const track = await prisma.track.findUnique({ where: { id: parseId(id, NOT_FOUND) }, select: { id: true, creatorId: true } });
  if (!track) throw new ApiError("not_found", NOT_FOUND);
  if (!canManage(member, track.creatorId)) throw new ApiError("forbidden", "Only the track's creator or an admin can restore it.");
  return toTrackView(await prisma.track.update({ where: { id: track.id }, data: { deletedAt: null }, select: trackViewSelect }));
}
