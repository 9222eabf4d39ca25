import "server-only";
import { ApiError } from "@/lib/errors";
import { canManage, type Member } from "@/lib/auth/member";
import { findActiveTrack, TRACK_NOT_FOUND } from "@/lib/api/tracks/find-track";
import { db } from "@/lib/db/client";

/**
 * Soft delete: the track disappears everywhere but can be restored (restore-track.ts). Who
 * deleted it is kept: a track an admin took down is not the creator's to bring back.
 */
export async function deleteTrack(id: string, member: Member): Promise<{ id: string; deletedAt: string }> {
  const track = await findActiveTrack(id, { id: true, creatorId: true });
  if (!canManage(member, track.creatorId)) throw new ApiError("forbidden", "Only the track's creator or an admin can delete it.");
  const deletedAt = new Date();
  const prisma = await db();
  // Compare-and-set: of two deletes at once only the first is recorded, so a creator's delete
  // cannot overwrite an admin's as the one that took the track down.
  const { count } = await prisma.track.updateMany({ where: { id: track.id, deletedAt: null }, data: { deletedAt, deletedById: member.id } });
  if (count === 0) throw new ApiError("not_found", TRACK_NOT_FOUND);
  return { id: track.id, deletedAt: deletedAt.toISOString() };
}
