import "server-only";
import { ApiError } from "@/lib/api/errors";
import { canManage, type Member } from "@/lib/api/member";
import { findActiveTrack } from "@/lib/api/tracks/find-track";
import { db } from "@/lib/db/client";

/** Soft delete: the track disappears everywhere but can be restored (restore-track.ts). */
export async function deleteTrack(id: string, member: Member): Promise<{ id: string; deletedAt: string }> {
  const track = await findActiveTrack(id, { id: true, creatorId: true });
  if (!canManage(member, track.creatorId)) throw new ApiError("forbidden", "Only the track's creator or an admin can delete it.");
  const deletedAt = new Date();
  const prisma = await db();
  await prisma.track.update({ where: { id: track.id }, data: { deletedAt } });
  return { id: track.id, deletedAt: deletedAt.toISOString() };
}
