import "server-only";
import type { EndedStatus } from "@/lib/api/tracks/library-status";
import { likeLiteral, type ListTracksQuery } from "@/lib/api/tracks/list-tracks";
import { endedGenerationSelect, toEndedGenerationView, type EndedGenerationView } from "@/lib/api/tracks/ended-generation-view";
import { afterDate, dateCursorAt, keysetPage } from "@/lib/api/tracks/keyset-page";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

/**
 * The library's list of generations that ended in `status` without a track, newest or oldest
 * first (the query schema refuses the other sorts, and the favorite and keepers filters, for
 * these), paged by keyset on (createdAt, id). Search matches the title, prompt and lyrics.
 */
export async function listEndedGenerations(
  status: EndedStatus,
  query: ListTracksQuery,
): Promise<{ generations: EndedGenerationView[]; nextCursor: string | null }> {
  const sort = query.sort === "oldest" ? "oldest" : "newest";
  const direction = sort === "newest" ? "desc" : "asc";
  const { cursor } = query;
  const prisma = await db();
  const { rows, nextCursor } = await keysetPage(
    query.limit,
    (take) =>
      prisma.generation.findMany({
        where: {
          AND: [filters(status, query), cursor && (cursor.sort === "newest" || cursor.sort === "oldest") ? afterDate(cursor) : {}],
        },
        orderBy: [{ createdAt: direction }, { id: direction }],
        take,
        select: endedGenerationSelect,
      }),
    (last) => dateCursorAt(sort, last),
  );
  return { generations: rows.map(toEndedGenerationView), nextCursor };
}

function filters(status: EndedStatus, { q, model, creator }: ListTracksQuery): Prisma.GenerationWhereInput {
  const text = q && likeLiteral(q);
  return {
    status,
    ...(text && {
      OR: [
        { title: { contains: text, mode: "insensitive" } },
        { request: { path: ["prompt"], string_contains: text, mode: "insensitive" } },
        { request: { path: ["lyrics_prompt"], string_contains: text, mode: "insensitive" } },
      ],
    }),
    ...(model && { model }),
    ...(creator && { creatorId: creator }),
  };
}
