import "server-only";
import { z } from "zod";
import type { Member } from "@/lib/api/member";
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

/**
 * A new public link to a track, for any member (every member can see every track). The URL is
 * answered this once: the database keeps only the token's hash.
 */
export async function createShareLink(
  trackId: string,
  member: Member,
  { expiresInHours }: z.output<typeof createShareLinkSchema>,
  origin: string,
): Promise<NewShareLink> {
  const track = await findActiveTrack(trackId, { id: true });
  const token = newLinkToken();
  const expiresAt = expiresInHours === null ? null : new Date(Date.now() + expiresInHours * 3_600_000);
  const prisma = await db();
  const link = await prisma.shareLink.create({
    data: { tokenHash: hashLinkToken(token), trackId: track.id, createdById: member.id, expiresAt },
    select: { id: true },
  });
  return { id: link.id, url: `${origin}/share/${token}`, expiresAt: expiresAt?.toISOString() ?? null };
}
