import "server-only";
import { ApiError } from "@/lib/errors";
import type { Member, Role } from "@/lib/auth/member";
import type { Prisma } from "@/lib/db/generated/client";

/**
 * Locks the acting member's account for the rest of `tx` and answers their role as it is now.
 * Whatever they create in `tx` (an invite, a share link) then exists before a removal of
 * theirs can commit, so that removal revokes it too (remove-member.ts); and a role taken away
 * meanwhile counts. 401 when the account is gone.
 */
export async function lockActingMember(tx: Prisma.TransactionClient, member: Member): Promise<Role> {
  const [account] = await tx.$queryRaw<{ role: Role }[]>`SELECT role FROM "user" WHERE id = ${member.id} FOR SHARE`;
  if (!account) throw new ApiError("unauthorized", "Sign in to use the studio.");
  return account.role;
}
