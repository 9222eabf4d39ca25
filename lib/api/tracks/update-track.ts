import "server-only";
import { z } from "zod";
import { ApiError } from "@/lib/errors";
import { canManage, type Member } from "@/lib/auth/member";
import { findActiveTrack, TRACK_NOT_FOUND } from "@/lib/api/tracks/find-track";
import { setKeeper } from "@/lib/api/tracks/set-keeper";
import { toTrackViews, trackViewSelect, type TrackView } from "@/lib/api/tracks/track-view";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { storableText } from "@/lib/stored-text";

const MAX_TITLE_CHARS = 200;
// A title is one line as a person types it. Control characters (newlines, tabs, terminal
// escapes; NUL has its own message) and bidi overrides and isolates, which reorder the text
// shown after the title, are refused; so is a title of invisible characters only.
const UNSHOWABLE = /[\u0001-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;
const VISIBLE = /[^\p{Z}\p{C}]/u;

/** PATCH /api/tracks/:id: exactly one change per request. */
export const updateTrackSchema = z
  .strictObject({
    title: z
      .string({ error: "The title must be text." })
      .trim()
      .min(1, { error: "The title cannot be empty." })
      .check(...storableText("The title", MAX_TITLE_CHARS))
      .refine((title) => !UNSHOWABLE.test(title), { error: "The title must be one line, without control or text-direction characters." })
      .refine((title) => title.length === 0 || VISIBLE.test(title), { error: "The title needs a visible character." })
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
    if (change.favorite) await prisma.favorite.createMany({ data: favorite, skipDuplicates: true }).catch((error: unknown) => refuseGone(error, member));
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

/**
 * A favourite's insert that found no account or no track to point to: the member was removed
 * after this request's session was checked (signed out, as their next request is), or the track
 * is gone.
 */
async function refuseGone(error: unknown, member: Member): Promise<never> {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2003")) throw error;
  const prisma = await db();
  if (!(await prisma.user.count({ where: { id: member.id } }))) throw new ApiError("unauthorized", "Sign in to use the studio.");
  throw new ApiError("not_found", TRACK_NOT_FOUND);
}
