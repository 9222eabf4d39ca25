import "server-only";
import { z } from "zod";
import type { Member } from "@/lib/auth/member";
import { queryFlag } from "@/lib/api/input";
import { afterCursorSql, DATE_SORTS, decodeCursor, keysetPage, precedesSql, TRACK_SORTS, trackCursorAt, trackOrderSql } from "@/lib/api/tracks/keyset-page";
import { libraryStatusSchema } from "@/lib/api/tracks/library-status";
import { toTrackViews, trackViewSelect, type TrackView } from "@/lib/api/tracks/track-view";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { storableText } from "@/lib/stored-text";

// The library: live (not soft-deleted) tracks, searched, filtered, sorted and paged by keyset,
// one entry per batch. `status` picks the list (library-status.ts): `ready` (the default) lists
// tracks, here; the others list the generations that ended that way (list-ended-generations.ts),
// which have no duration, favourite or keeper and sort by date only.

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
    /** The viewer's own favourites (or, false, the tracks they have not favourited). */
    favorite: queryFlag.optional(),
    /** Only each batch's keeper. */
    keepers: queryFlag.optional(),
    status: libraryStatusSchema,
    sort: z.enum(TRACK_SORTS, { error: `Sort by ${TRACK_SORTS.join(", ")}.` }).default("newest"),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    cursor: z.string().check(...storableText("The page link", 2000)).optional(),
  })
  .superRefine(({ status, sort, favorite, keepers }, ctx) => {
    if (status === "ready") return;
    if (!(DATE_SORTS as readonly string[]).includes(sort)) {
      ctx.addIssue({ code: "custom", path: ["sort"], message: `A ${status} generation has no track: sort by ${DATE_SORTS.join(" or ")}.` });
    }
    if (favorite !== undefined) {
      ctx.addIssue({ code: "custom", path: ["favorite"], message: "Only tracks can be favorites: filter favorites with status=ready." });
    }
    if (keepers !== undefined) {
      ctx.addIssue({ code: "custom", path: ["keepers"], message: "Only tracks can be keepers: filter keepers with status=ready." });
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

/** A batch in the library: its takes that match the filters, by take number. */
export type TrackBatch = { batchId: string; tracks: TrackView[] };

/** The first matching take of a batch under the sort, which places the batch in the list. */
type FirstTake = { id: string; batchId: string; createdAt: Date; title: string; durationMs: number; takeIds: string[]; takeCount: number };

/**
 * A page of batches, each at the place of its first take that matches the filters under the
 * sort. The keyset walks those first takes only (a take with an earlier matching sibling is
 * skipped), so the cursor is a track cursor as before and no batch shows up on two pages; the
 * same statement reads each batch's matching takes and counts its live ones.
 */
export async function listTracks(query: ListTracksQuery, viewer: Member): Promise<{ batches: TrackBatch[]; nextCursor: string | null }> {
  const prisma = await db();
  const { rows: firsts, nextCursor } = await keysetPage(
    query.limit,
    (take) => prisma.$queryRaw<FirstTake[]>(firstTakesSql(query, viewer.id, take)),
    (last) => trackCursorAt(query.sort, last),
  );
  const ids = firsts.flatMap((first) => first.takeIds);
  const rows = ids.length ? await prisma.track.findMany({ where: { id: { in: ids }, deletedAt: null }, select: trackViewSelect(viewer.id) }) : [];
  const takeCounts = new Map(firsts.map((first) => [first.batchId, first.takeCount]));
  const views = new Map((await toTrackViews(rows, viewer, takeCounts)).map((view) => [view.id, view]));
  const batches = firsts
    .map((first) => ({ batchId: first.batchId, tracks: first.takeIds.flatMap((id) => views.get(id) ?? []) }))
    .filter((batch) => batch.tracks.length > 0);
  return { batches, nextCursor };
}

function firstTakesSql(query: ListTracksQuery, viewerId: string, take: number): Prisma.Sql {
  const { sort, cursor } = query;
  const matches = (alias: string) => matchesSql(query, viewerId, alias);
  return Prisma.sql`
    WITH page AS (
      SELECT t.id, t."batchId", t."createdAt", t.title, t."durationMs"
      FROM "Track" t
      WHERE ${matches("t")}${cursor ? Prisma.sql` AND ${afterCursorSql(cursor, "t")}` : Prisma.empty}
        AND NOT EXISTS (
          SELECT 1 FROM "Track" s WHERE s."batchId" = t."batchId" AND ${precedesSql(sort, "s", "t")} AND ${matches("s")})
      ORDER BY ${trackOrderSql(sort, "t")}
      LIMIT ${take})
    SELECT page.*,
      ARRAY(SELECT s.id::text FROM "Track" s WHERE s."batchId" = page."batchId" AND ${matches("s")} ORDER BY s."takeIndex", s.id) AS "takeIds",
      (SELECT count(*)::int FROM "Track" c WHERE c."batchId" = page."batchId" AND c."deletedAt" IS NULL) AS "takeCount"
    FROM page
    ORDER BY ${trackOrderSql(sort, "page")}`;
}

/** The library's filters on the Track rows aliased `alias`. */
function matchesSql({ q, model, creator, favorite, keepers }: ListTracksQuery, viewerId: string, alias: string): Prisma.Sql {
  const column = (name: string) => Prisma.raw(`${alias}."${name}"`);
  const conditions = [Prisma.sql`${column("deletedAt")} IS NULL`];
  if (q) {
    const pattern = `%${likeLiteral(q)}%`;
    conditions.push(Prisma.sql`(${column("title")} ILIKE ${pattern} OR ${column("prompt")} ILIKE ${pattern} OR ${column("lyrics")} ILIKE ${pattern})`);
  }
  if (model) conditions.push(Prisma.sql`${column("model")} = ${model}`);
  if (creator) conditions.push(Prisma.sql`${column("creatorId")} = ${creator}`);
  if (favorite !== undefined) {
    const favorited = Prisma.sql`EXISTS (SELECT 1 FROM "Favorite" fav WHERE fav."memberId" = ${viewerId} AND fav."trackId" = ${column("id")})`;
    conditions.push(favorite ? favorited : Prisma.sql`NOT ${favorited}`);
  }
  if (keepers) conditions.push(Prisma.sql`${column("keptAt")} IS NOT NULL`);
  return Prisma.join(conditions, " AND ");
}

/**
 * `text` for a LIKE pattern (and Prisma's `contains` / `string_contains`, which send ILIKE
 * '%…%' without escaping LIKE's wildcards): escaped, so "100%" finds "100%" only.
 */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, "\\$&");
}
