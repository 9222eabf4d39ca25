import "server-only";
import { ApiError } from "@/lib/errors";
import { parseId } from "@/lib/api/input";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

export const TRACK_NOT_FOUND = "This track does not exist or was deleted.";

/** The track `id` names (not soft-deleted), with the fields `select` asks for; 404 otherwise. */
export async function findActiveTrack<Select extends Prisma.TrackSelect>(
  id: string,
  select: Select,
): Promise<Prisma.TrackGetPayload<{ select: Select }>> {
  const prisma = await db();
  const track = await prisma.track.findFirst({ where: { id: parseId(id, TRACK_NOT_FOUND), deletedAt: null }, select });
  if (!track) throw new ApiError("not_found", TRACK_NOT_FOUND);
  return track;
}
