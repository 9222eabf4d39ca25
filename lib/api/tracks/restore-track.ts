import "server-only";
import { ApiError } from "@/lib/errors";
import { parseId } from "@/lib/api/input";
import { canManage, hasRole, type Member } from "@/lib/auth/member";
import { toTrackViews, trackViewSelect, type TrackView } from "@/lib/api/tracks/track-view";
import { db } from "@/lib/db/client";

const NOT_FOUND = "This track does not exist.";

/**
 * Undoes a delete (the one place soft-deleted tracks are seen); restoring a live track is a
 * no-op. The creator may undo their own delete, but a track an admin deleted comes back (with
 * its share links) only by an admin's hand.
 */
export async function restoreTrack(id: string, member: Member): Promise<TrackView> {
  const prisma = await db();
  const track = await prisma.track.findUnique({
    where: { id: parseId(id, NOT_FOUND) },
    select: { id: true, creatorId: true, deletedAt: true, deletedById: true },
  });
  if (!track) throw new ApiError("not_found", NOT_FOUND);
  if (!canManage(member, track.creatorId)) throw new ApiError("forbidden", "Only the track's creator or an admin can restore it.");
  // A track deleted before the studio kept who deleted it (deletedById null) counts as an admin's.
  if (track.deletedAt && track.deletedById !== member.id && !hasRole(member, "admin")) {
    throw new ApiError("forbidden", "An admin deleted this track, so only an admin can restore it.");
  }
  // Compare-and-set on the delete that was checked: a newer delete is not undone by this one.
  const { count } = await prisma.track.updateMany({
    where: { id: track.id, deletedAt: track.deletedAt },
    data: { deletedAt: null, deletedById: null },
  });
  if (count === 0) throw new ApiError("conflict", "This track changed meanwhile. Reload the library and try again.");
  const [view] = await toTrackViews([await prisma.track.findUniqueOrThrow({ where: { id: track.id }, select: trackViewSelect(member.id) })], member);
  return view!;
}
