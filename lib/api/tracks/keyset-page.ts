import { z } from "zod";
import { Prisma } from "@/lib/db/generated/client";
import { storableText } from "@/lib/stored-text";

// Keyset paging of the library's lists (tracks, and generations that ended without one). Each
// sort orders by one column and then by id, so the order is total; the cursor is the last
// row's (value, id) for that sort, and the next page is every row strictly after it. Opaque to
// clients: base64url of JSON.

export const TRACK_SORTS = ["newest", "oldest", "title", "duration"] as const;
export type TrackSort = (typeof TRACK_SORTS)[number];

// A cursor's values stay within what its column holds: a forged one otherwise fails in the
// database (a 500) instead of as a bad page link (a 400).
const cursorSchema = z.discriminatedUnion("sort", [
  // PostgreSQL has no year 0, which an ISO date may name.
  z.object({ sort: z.enum(["newest", "oldest"]), value: z.iso.datetime().refine((value) => !value.startsWith("0000")), id: z.guid() }),
  // A title, compared with the database's in the next page's query.
  z.object({ sort: z.literal("title"), value: z.string().check(...storableText("The title", 2000)), id: z.guid() }),
  z.object({ sort: z.literal("duration"), value: z.int32(), id: z.guid() }),
]);
export type TrackCursor = z.infer<typeof cursorSchema>;

// Each sort's column and direction, for the library's SQL (list-tracks.ts); ties go by id.
const SORT_COLUMNS: Readonly<Record<TrackSort, { column: string; direction: "ASC" | "DESC" }>> = {
  newest: { column: `"createdAt"`, direction: "DESC" },
  oldest: { column: `"createdAt"`, direction: "ASC" },
  title: { column: "title", direction: "ASC" },
  duration: { column: `"durationMs"`, direction: "ASC" },
};

type SortKey = { id: string; createdAt: Date; title: string; durationMs: number };

/** Generations that ended without a track have no duration and no title of their own to sort by. */
export const DATE_SORTS = ["newest", "oldest"] as const satisfies readonly TrackSort[];
export type DateSort = (typeof DATE_SORTS)[number];
export type DateCursor = Extract<TrackCursor, { sort: DateSort }>;

/**
 * One page of a keyset-paged list: `fetchRows(take)` reads up to `take` rows after the cursor
 * in the list's order. One row more than `limit` is read, so whether a next page exists is
 * known without counting; its cursor is `cursorAt` the page's last row.
 */
export async function keysetPage<Row>(
  limit: number,
  fetchRows: (take: number) => Promise<Row[]>,
  cursorAt: (last: Row) => TrackCursor,
): Promise<{ rows: Row[]; nextCursor: string | null }> {
  const fetched = await fetchRows(limit + 1);
  const rows = fetched.slice(0, limit);
  const last = rows.at(-1);
  return { rows, nextCursor: fetched.length > limit && last ? encodeCursor(cursorAt(last)) : null };
}

/** The cursor of the page after `last`, a track, in `sort`'s order. */
export function trackCursorAt(sort: TrackSort, last: SortKey): TrackCursor {
  switch (sort) {
    case "title":
      return { sort, value: last.title, id: last.id };
    case "duration":
      return { sort, value: last.durationMs, id: last.id };
    default:
      return dateCursorAt(sort, last);
  }
}

/** The cursor of the page after `last`, any row with a creation date and an id. */
export function dateCursorAt(sort: DateSort, last: { id: string; createdAt: Date }): DateCursor {
  return { sort, value: last.createdAt.toISOString(), id: last.id };
}

export function encodeCursor(cursor: TrackCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

/** The cursor, or undefined when it is not one this API made. */
export function decodeCursor(text: string): TrackCursor | undefined {
  try {
    return cursorSchema.safeParse(JSON.parse(Buffer.from(text, "base64url").toString("utf8"))).data;
  } catch {
    return undefined;
  }
}

/** `ORDER BY` of `sort` for the Track rows aliased `alias`. */
export function trackOrderSql(sort: TrackSort, alias: string): Prisma.Sql {
  const { column, direction } = SORT_COLUMNS[sort];
  return Prisma.raw(`${alias}.${column} ${direction}, ${alias}.id ${direction}`);
}

/** Whether the track `before` comes strictly before the track `after` in `sort`'s order. */
export function precedesSql(sort: TrackSort, before: string, after: string): Prisma.Sql {
  const { column, direction } = SORT_COLUMNS[sort];
  return Prisma.raw(`(${before}.${column}, ${before}.id) ${direction === "ASC" ? "<" : ">"} (${after}.${column}, ${after}.id)`);
}

/** Whether the track aliased `alias` comes strictly after `cursor` in its sort's order (a row comparison the sort's index serves). */
export function afterCursorSql(cursor: TrackCursor, alias: string): Prisma.Sql {
  const { column, direction } = SORT_COLUMNS[cursor.sort];
  // Dates are stored as UTC wall time (timestamp without time zone), so the ISO value's "Z" is ignored.
  const value = cursor.sort === "title" ? Prisma.sql`${cursor.value}` : cursor.sort === "duration" ? Prisma.sql`${cursor.value}::int` : Prisma.sql`${cursor.value}::timestamp`;
  return Prisma.sql`(${Prisma.raw(`${alias}.${column}, ${alias}.id`)}) ${Prisma.raw(direction === "ASC" ? ">" : "<")} (${value}, ${cursor.id}::uuid)`;
}

/** The rows strictly after a date cursor; the same condition serves tracks and generations. */
export function afterDate(cursor: DateCursor) {
  const beyond = <T>(value: T) => (cursor.sort === "newest" ? { lt: value } : { gt: value });
  const createdAt = new Date(cursor.value);
  return { OR: [{ createdAt: beyond(createdAt) }, { createdAt, id: beyond(cursor.id) }] };
}
