import type { Prisma } from "@/lib/db/generated/client";

/** The share links that open their track at `now`: neither revoked nor expired. */
export function activeShareLinks(now: Date): Prisma.ShareLinkWhereInput {
  return { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
}
