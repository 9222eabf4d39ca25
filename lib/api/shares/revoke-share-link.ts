import "server-only";
import { ApiError } from "@/lib/errors";
import { parseId } from "@/lib/api/input";
import type { Member } from "@/lib/auth/member";
import { mayRevokeShareLink } from "@/lib/api/shares/share-link-policy";
import { db } from "@/lib/db/client";

const LINK_NOT_FOUND = "This share link does not exist.";

/**
 * Revokes a share link at once (its page and audio answer 404 from now on). Revoking a revoked
 * link changes nothing and answers when it was revoked.
 */
export async function revokeShareLink(id: string, member: Member): Promise<{ id: string; revokedAt: string }> {
  const prisma = await db();
  const link = await prisma.shareLink.findUnique({
    where: { id: parseId(id, LINK_NOT_FOUND) },
    select: { id: true, createdById: true, revokedAt: true, track: { select: { creatorId: true } } },
  });
  if (!link) throw new ApiError("not_found", LINK_NOT_FOUND);
  if (!mayRevokeShareLink(member, link.createdById, link.track.creatorId)) {
    throw new ApiError("forbidden", "Only whoever made this link, the track's creator or an admin can revoke it.");
  }
  if (link.revokedAt) return { id: link.id, revokedAt: link.revokedAt.toISOString() };
  // Only the first revoke sets the time, even when two arrive together.
  await prisma.shareLink.updateMany({ where: { id: link.id, revokedAt: null }, data: { revokedAt: new Date() } });
  const { revokedAt } = await prisma.shareLink.findUniqueOrThrow({ where: { id: link.id }, select: { revokedAt: true } });
  return { id: link.id, revokedAt: revokedAt!.toISOString() };
}
