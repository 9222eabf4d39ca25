import "server-only";
import { ApiError } from "@/lib/errors";
import { activeShareLinks } from "@/lib/api/shares/share-link-policy";
import { hashLinkToken } from "@/lib/auth/link-token";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

// What lib/auth/link-token.ts newLinkToken() makes: 32 bytes in base64url, 43 characters.
const LINK_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export const SHARE_LINK_GONE = "This link no longer works.";

/**
 * The track a share link opens, with the fields `select` asks for. An unknown, revoked or
 * expired link, or one to a deleted track, is a 404 and says no more than that: whoever holds a
 * dead link learns nothing about why. A restored track's links work again (unless revoked).
 */
export async function findSharedTrack<Select extends Prisma.TrackSelect>(
  token: string,
  select: Select,
): Promise<Prisma.TrackGetPayload<{ select: Select }>> {
  if (!LINK_TOKEN.test(token)) throw new ApiError("not_found", SHARE_LINK_GONE);
  const prisma = await db();
  const link = await prisma.shareLink.findFirst({
    where: { tokenHash: hashLinkToken(token), ...activeShareLinks(new Date()), track: { deletedAt: null } },
    select: { track: { select } },
  });
  if (!link) throw new ApiError("not_found", SHARE_LINK_GONE);
  return link.track as Prisma.TrackGetPayload<{ select: Select }>;
}
