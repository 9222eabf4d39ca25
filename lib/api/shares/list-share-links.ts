import "server-only";
import { z } from "zod";
import type { Member } from "@/lib/auth/member";
import { activeShareLinks } from "@/lib/api/shares/share-link-policy";
import { toShareLinkView, type ShareLinkView } from "@/lib/api/shares/share-link-view";
import { creatorNames } from "@/lib/api/tracks/creator-name";
import { findActiveTrack } from "@/lib/api/tracks/find-track";
import { afterDate, dateCursorAt, decodeCursor, encodeCursor } from "@/lib/api/tracks/keyset-page";
import { db } from "@/lib/db/client";
import { storableText } from "@/lib/stored-text";

// A track's share links, newest first, paged by keyset like the library (keyset-page.ts), so
// every link can be reached however many were made: none hides behind a hundred newer ones.

export const listShareLinksQuerySchema = z
  .object({
    limit: z.coerce
      .number({ error: "The page size must be a number." })
      .int({ error: "The page size must be a whole number." })
      .min(1, { error: "A page holds at least 1 link." })
      .max(100, { error: "A page holds at most 100 links." })
      .default(50),
    cursor: z.string().check(...storableText("The page link", 2000)).optional(),
  })
  .transform(({ cursor: text, ...query }, ctx) => {
    if (text === undefined) return { ...query, cursor: undefined };
    const cursor = decodeCursor(text);
    if (cursor?.sort !== "newest") {
      ctx.addIssue({ code: "custom", path: ["cursor"], message: "This page link is not valid. Start from the first page." });
      return z.NEVER;
    }
    return { ...query, cursor };
  });

export type ShareLinksPage = {
  links: ShareLinkView[];
  nextCursor: string | null;
  /** How many of the track's links work now, on every page. */
  activeCount: number;
};

/** One page of a track's share links, revoked and expired ones included (never their tokens). */
export async function listShareLinks(
  trackId: string,
  viewer: Member,
  { limit, cursor }: z.output<typeof listShareLinksQuerySchema>,
): Promise<ShareLinksPage> {
  const track = await findActiveTrack(trackId, { id: true, creatorId: true });
  const prisma = await db();
  const now = new Date();
  const [rows, activeCount] = await Promise.all([
    prisma.shareLink.findMany({
      where: { trackId: track.id, ...(cursor && afterDate(cursor)) },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit + 1,
      select: { id: true, createdById: true, createdAt: true, expiresAt: true, revokedAt: true },
    }),
    prisma.shareLink.count({ where: { trackId: track.id, ...activeShareLinks(now) } }),
  ]);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const names = await creatorNames(page.map((link) => link.createdById), viewer);
  return {
    links: page.map((link) =>
      toShareLinkView(link, { viewer, trackCreatorId: track.creatorId, creatorName: names.get(link.createdById)!, now }),
    ),
    nextCursor: rows.length > limit && last ? encodeCursor(dateCursorAt("newest", last)) : null,
    activeCount,
  };
}
