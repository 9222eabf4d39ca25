import "server-only";
import type { Member } from "@/lib/api/member";
import { toShareLinkView, type ShareLinkView } from "@/lib/api/shares/share-link-view";
import { creatorNames } from "@/lib/api/tracks/creator-name";
import { findActiveTrack } from "@/lib/api/tracks/find-track";
import { db } from "@/lib/db/client";

// A track has a handful of links; the newest hundred is more than the dialog ever shows.
const MAX_LINKS = 100;

/** A track's share links, newest first, revoked and expired ones included (without tokens). */
export async function listShareLinks(trackId: string, viewer: Member): Promise<{ links: ShareLinkView[] }> {
  const track = await findActiveTrack(trackId, { id: true, creatorId: true });
  const prisma = await db();
  const links = await prisma.shareLink.findMany({
    where: { trackId: track.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: MAX_LINKS,
    select: { id: true, createdById: true, createdAt: true, expiresAt: true, revokedAt: true },
  });
  const names = await creatorNames(links.map((link) => link.createdById), viewer);
  const now = new Date();
  return {
    links: links.map((link) =>
      toShareLinkView(link, {
        viewer,
        trackCreatorId: track.creatorId,
        creatorName: names.get(link.createdById)!,
        now,
      }),
    ),
  };
}
