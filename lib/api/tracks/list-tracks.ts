import "server-only";
import { z } from "zod";
import { queryFlag } from "@/lib/api/input";
import { afterCursor, DATE_SORTS, decodeCursor, keysetPage, TRACK_ORDER, TRACK_SORTS, trackCursorAt } from "@/lib/api/tracks/keyset-page";
import { libraryStatusSchema } from "@/lib/api/tracks/library-status";
import { toTrackView, trackViewSelect, type TrackView } from "@/lib/api/tracks/track-view";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { storableText } from "@/lib/stored-text";

// The library: live (not soft-deleted) tracks, searched, filtered, sorted and paged by keyset.
// `status` picks the list (library-status.ts): `ready` (the default) lists tracks, here; the
// others list the generations that ended that way (list-ended-generations.ts), which have no
// duration or favorite and sort by date only.

export const listTracksQuerySchema = z
  .object({
    // Trigram indexes serve 3+ characters; a shorter term would scan the whole library.
    q: z
      .string()
      .trim()
      .refine((q) => q.length === 0 || q.length >= 3, { error: "Type at least 3 characters to search." })
      .check(...storableText("The search", 200))
      .transform((q) => q || undefined)
      .optional(),
    model: z.string().trim().min(1).check(...storableText("The model", 200)).optional(),
    creator: z.string().trim().min(1).check(...storableText("The creator", 200)).optional(),
    favorite: queryFlag.optional(),
    status: libraryStatusSchema,
    sort: z.enum(TRACK_SORTS, { error: `Sort by ${TRACK_SORTS.join(", ")}.` }).default("newest"),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    cursor: z.string().check(...storableText("The page link", 2000)).optional(),
  })
  .superRefine(({ status, sort, favorite }, ctx) => {
    if (status === "ready") return;
    if (!(DATE_SORTS as readonly string[]).includes(sort)) {
      ctx.addIssue({ code: "custom", path: ["sort"], message: `A ${status} generation has no track: sort by ${DATE_SORTS.join(" or ")}.` });
    }
    if (favorite !== undefined) {
      ctx.addIssue({ code: "custom", path: ["favorite"], message: "Only tracks can be favorites: filter favorites with status=ready." });
    }
  })
  .transform(({ cursor: text, ...query }, ctx) => {
    if (text === undefined) return { ...query, cursor: undefined };
    const cursor = decodeCursor(text);
    if (!cursor || cursor.sort !== query.sort) {
      ctx.addIssue({ code: "custom", path: ["cursor"], message: "This page link is not valid for this sort. Start from the first page." });
      return z.NEVER;
    }
    return { ...query, cursor };
  });

export type ListTracksQuery = z.output<typeof listTracksQuerySchema>;

export async function listTracks(query: ListTracksQuery): Promise<{ tracks: TrackView[]; nextCursor: string | null }> {
  const prisma = await db();
  const { rows, nextCursor } = await keysetPage(
    query.limit,
    (take) =>
      prisma.track.findMany({
        where: { AND: [filters(query), query.cursor ? afterCursor(query.cursor) : {}] },
        orderBy: TRACK_ORDER[query.sort],
        take,
        select: trackViewSelect,
      }),
    (last) => trackCursorAt(query.sort, last),
  );
  return { tracks: rows.map(toTrackView), nextCursor };
}

function filters({ q, model, creator, favorite }: ListTracksQuery): Prisma.TrackWhereInput {
  const text = q && likeLiteral(q);
  return {
    deletedAt: null,
    ...(text && {
      OR: [{ title: { contains: text, mode: "insensitive" } }, { prompt: { contains: text, mode: "insensitive" } }],
    }),
    ...(model && { model }),
    ...(creator && { creatorId: creator }),
    ...(favorite !== undefined && { favorite }),
  };
}

/**
 * `text` for Prisma's `contains` / `string_contains`, which send ILIKE '%…%' without escaping
 * LIKE's wildcards: escaped, so "100%" finds "100%" only.
 */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, "\\$&");
}
