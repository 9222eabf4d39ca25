import "server-only";
import { z } from "zod";
import { ApiError } from "@/lib/errors";
import { canManage, type Member } from "@/lib/auth/member";
import { findActiveTrack } from "@/lib/api/tracks/find-track";
import { setKeeper } from "@/lib/api/tracks/set-keeper";
import { toTrackViews, trackViewSelect, type TrackView } from "@/lib/api/tracks/track-view";
import { db } from "@/lib/db/client";
import { storableText } from "@/lib/stored-text";

const MAX_TITLE_CHARS = 200;

/** PATCH /api/tracks/:id: exactly one change per request. */
export const updateTrackSchema = z
  .strictObject({
    title: z
      .string({ error: "The title must be text." })
      .trim()
      .min(1, { error: "The title cannot be empty." })
      .check(...storableText("The title", MAX_TITLE_CHARS))
      .optional(),
    favorite: z.boolean({ error: "Favorite must be true or false." }).optional(),
    kept: z.boolean({ error: "Kept must be true or false." }).optional(),
  })
  .refine((changes) => Object.values(changes).filter((value) => value !== undefined).length === 1, {
    error: "Send one change: a new title, favorite or kept.",
  })
  .transform((changes): TrackChange =>
    changes.title !== undefined ? { title: changes.title } : changes.favorite !== undefined ? { favorite: changes.favorite } : { kept: changes.kept! },
  );

export type TrackChange = { title: string } | { favorite: boolean } | { kept: boolean };

/**
 * One change to a track, answered with the track as `member` now sees it. A favourite is the
 * member's own, so any member sets theirs; renaming and choosing the keeper are for the
 * track's creator or an admin/owner.
 */
export async function updateTrack(id: string, change: TrackChange, member: Member): Promise<TrackView> {
  const track = await findActiveTrack(id, { id: true, batchId: true, creatorId: true });
  const prisma = await db();
  if ("favorite" in change) {
    const favorite = { memberId: member.id, trackId: track.id };
    if (change.favorite) await prisma.favorite.createMany({ data: favorite, skipDuplicates: true });
    else await prisma.favorite.deleteMany({ where: favorite });
  } else if (!canManage(member, track.creatorId)) {
    throw new ApiError("forbidden", `Only the track's creator or an admin can ${"title" in change ? "rename it" : "choose its batch's keeper"}.`);
  } else if ("title" in change) {
    await prisma.track.update({ where: { id: track.id }, data: { title: change.title } });
  } else {
    await setKeeper(track, change.kept);
  }
  const [view] = await toTrackViews([await prisma.track.findUniqueOrThrow({ where: { id: track.id }, select: trackViewSelect(member.id) })], member);
  return view!;
}
