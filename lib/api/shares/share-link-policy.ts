import { canManage, type Member } from "@/lib/auth/member";
import type { Prisma } from "@/lib/db/generated/client";

// What a share link allows: when it opens its track, who may revoke it, and how long a browser
// may keep what it opened.

/** The share links that open their track at `now`: neither revoked nor expired. */
export function activeShareLinks(now: Date): Prisma.ShareLinkWhereInput {
  return { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
}

/** Who may revoke a share link: whoever made it, the track's creator, or an admin or owner. */
export function mayRevokeShareLink(viewer: Member, linkCreatorId: string, trackCreatorId: string): boolean {
  return canManage(viewer, linkCreatorId) || canManage(viewer, trackCreatorId);
}

// A shared track's audio and waveform never change, but its link can be revoked: browsers keep
// them yet ask again on every use (the ETag makes that a cheap 304), so a revoked link stops
// working at once instead of living on in caches.
export const SHARED_CACHE_CONTROL = "private, no-cache";
