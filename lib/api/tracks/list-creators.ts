import "server-only";
import type { Member } from "@/lib/auth/member";
import { creatorNames } from "@/lib/api/tracks/creator-name";
import { ENDED_STATUSES } from "@/lib/api/tracks/library-status";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";

export type Creator = { id: string; name: string };

/**
 * Everyone with something in the library (a live track, or a generation that ended without
 * one), for its creator filter: the viewer ("You") first, then by name.
 */
export async function listCreators(viewer: Member): Promise<{ creators: Creator[] }> {
  const ids = [...new Set([...(await trackCreatorIds()), ...(await endedGenerationCreatorIds())])];
  const names = await creatorNames(ids, viewer);
  const creators = ids.map((id) => ({ id, name: names.get(id)! }));
  creators.sort((a, b) => Number(b.id === viewer.id) - Number(a.id === viewer.id) || a.name.localeCompare(b.name));
  return { creators };
}

/**
 * The distinct creators of live tracks, by a loose index scan: one probe of the
 * (creatorId, createdAt) index per creator instead of reading every track.
 */
export const TRACK_CREATORS_SQL = Prisma.sql`
  WITH RECURSIVE creators AS (
    (SELECT "creatorId" FROM "Track" WHERE "deletedAt" IS NULL ORDER BY "creatorId" LIMIT 1)
    UNION ALL
    SELECT (SELECT t."creatorId" FROM "Track" t
            WHERE t."deletedAt" IS NULL AND t."creatorId" > creators."creatorId"
            ORDER BY t."creatorId" LIMIT 1)
    FROM creators WHERE creators."creatorId" IS NOT NULL
  )
  SELECT "creatorId" FROM creators WHERE "creatorId" IS NOT NULL`;

async function trackCreatorIds(): Promise<string[]> {
  const prisma = await db();
  const rows = await prisma.$queryRaw<{ creatorId: string }[]>(TRACK_CREATORS_SQL);
  return rows.map((row) => row.creatorId);
}

/** Generations that ended without a track are few; the (status, createdAt) index finds them. */
async function endedGenerationCreatorIds(): Promise<string[]> {
  const prisma = await db();
  const groups = await prisma.generation.groupBy({ by: ["creatorId"], where: { status: { in: [...ENDED_STATUSES] } } });
  return groups.map((group) => group.creatorId);
}
