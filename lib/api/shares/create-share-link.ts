import "server-only";
import { z } from "zod";
import { ApiError } from "@/lib/errors";
import type { Member } from "@/lib/auth/member";
import { activeShareLinks } from "@/lib/api/shares/share-link-policy";
import { lockActingMember } from "@/lib/api/team/lock-acting-member";
import { findActiveTrack } from "@/lib/api/tracks/find-track";
import { newLinkToken, hashLinkToken } from "@/lib/auth/link-token";
import { db } from "@/lib/db/client";

const MAX_EXPIRY_HOURS = 8760; // a year

/** `{ expiresInHours? }`: 1..8760 hours, or null / left out for a link that never expires. */
export const createShareLinkSchema = z.strictObject({
  expiresInHours: z
    .number({ error: "The expiry must be a number of hours, or null for never." })
    .int({ error: "The expiry must be a whole number of hours." })
    .min(1, { error: "A link must last at least 1 hour." })
    .max(MAX_EXPIRY_HOURS, { error: `A link can last at most ${MAX_EXPIRY_HOURS} hours (a year); choose never for no expiry.` })
    .nullable()
    .default(null),
});

export type NewShareLink = { id: string; url: string; expiresAt: string | null };

/** Active links per track: enough for any real use, and too few to hide one among decoys. */
export const MAX_ACTIVE_LINKS_PER_TRACK = 20;

/**
 * A new public link to a track, for any member (every member can see every track). The URL is
 * answered this once: the database keeps only the token's hash. A track has at most
 * MAX_ACTIVE_LINKS_PER_TRACK active links (409 beyond: revoke one first).
 */
export async function createShareLink(
  trackId: string,
  member: Member,
  { expiresInHours }: z.output<typeof createShareLinkSchema>,
  origin: string,
): Promise<NewShareLink> {
  const track = await findActiveTrack(trackId, { id: true });
  const token = newLinkToken();
  const now = new Date();
  const expiresAt = expiresInHours === null ? null : new Date(now.getTime() + expiresInHours * 3_600_000);
  const prisma = await db();
  const link = await prisma.$transaction(async (tx) => {
    // Locking the track makes concurrent creates count one after the other, so none passes
    // the cap together.
    await tx.$queryRaw`SELECT 1 FROM "Track" WHERE id = ${track.id}::uuid FOR UPDATE`;
    await lockActingMember(tx, member);
    const active = await tx.shareLink.count({ where: { trackId: track.id, ...activeShareLinks(now) } });
    if (active >= MAX_ACTIVE_LINKS_PER_TRACK) {
      throw new ApiError(
        "conflict",
        `This track already has ${MAX_ACTIVE_LINKS_PER_TRACK} active share links, the most it can have. Revoke one before making another.`,
      );
    }
    return tx.shareLink.create({
      data: { tokenHash: hashLinkToken(token), trackId: track.id, createdById: member.id, expiresAt },
      select: { id: true },
    });
  });
  return { id: link.id, url: `${origin}/share/${token}`, expiresAt: expiresAt?.toISOString() ?? null };
}
