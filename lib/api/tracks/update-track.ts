import "server-only";
import { z } from "zod";
import { ApiError } from "@/lib/errors";
import { canManage, type Member } from "@/lib/auth/member";
import { findActiveTrack } from "@/lib/api/tracks/find-track";
import { toTrackView, trackViewSelect, type TrackView } from "@/lib/api/tracks/track-view";
import { db } from "@/lib/db/client";
import { storableText } from "@/lib/stored-text";

const MAX_TITLE_CHARS = 200;

export const updateTrackSchema = z
  .strictObject({
    title: z
      .string({ error: "The title must be text." })
      .trim()
      .min(1, { error: "The title cannot be empty." })
      .check(...storableText("The title", MAX_TITLE_CHARS))
      .optional(),
    favorite: z.boolean({ error: "Favorite must be true or false." }).optional(),
  })
  .refine((changes) => changes.title !== undefined || changes.favorite !== undefined, {
    error: "Send a new title or favorite.",
  });

export type TrackChanges = z.output<typeof updateTrackSchema>;

/** Renames and/or (un)favorites a track. Renaming is for its creator or an admin/owner. */
export async function updateTrack(id: string, changes: TrackChanges, member: Member): Promise<TrackView> {
  const track = await findActiveTrack(id, { id: true, creatorId: true });
  if (changes.title !== undefined && !canManage(member, track.creatorId)) {
    throw new ApiError("forbidden", "Only the track's creator or an admin can rename it.");
  }
  const prisma = await db();
  return toTrackView(await prisma.track.update({ where: { id: track.id }, data: changes, select: trackViewSelect }));
}
