import "server-only";
import type { Member } from "@/lib/auth/member";
import { db } from "@/lib/db/client";

/** What the studio calls someone whose account was removed: their tracks and spend stay. */
export const FORMER_MEMBER_NAME = "Former member";

/**
 * How the studio names each of `creatorIds` to `viewer`: "You" for their own work, otherwise
 * the member's display name from the accounts table, or "Former member" once removed.
 */
export async function creatorNames(creatorIds: readonly string[], viewer: Member): Promise<Map<string, string>> {
  const others = [...new Set(creatorIds)].filter((id) => id !== viewer.id);
  const prisma = await db();
  const users = others.length ? await prisma.user.findMany({ where: { id: { in: others } }, select: { id: true, name: true } }) : [];
  const names = new Map(users.map((user) => [user.id, user.name]));
  return new Map(creatorIds.map((id) => [id, id === viewer.id ? "You" : (names.get(id) ?? FORMER_MEMBER_NAME)]));
}
