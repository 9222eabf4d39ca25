import "server-only";
import { ApiError } from "@/lib/errors";
import type { Member } from "@/lib/auth/member";
import { findTeamMember } from "@/lib/api/team/find-team-member";
import { removalRefusal } from "@/lib/api/team/team-policy";
import { db } from "@/lib/db/client";
import { notifyMemberRemoved } from "@/lib/generations/events";

/**
 * Removes an account: its sessions and password go with it (cascade), so it is signed out at
 * once, and its open event streams end on every instance (notifyMemberRemoved). What it could
 * still use from outside is revoked with it: the invite links it made and nobody used yet, and
 * every share link it made, to anyone's track. Its tracks and ledger rows stay: the library
 * names it "Former member" and the money stays accounted for.
 */
export async function removeMember(id: string, actor: Member): Promise<{ id: string }> {
  const target = await findTeamMember(id);
  const refusal = removalRefusal(actor, target);
  if (refusal) throw new ApiError("forbidden", refusal);
  const prisma = await db();
  const removed = await prisma.$transaction(async (tx) => {
    // Compare-and-set on the role that was checked (a concurrent promotion changes the rules).
    const { count } = await tx.user.deleteMany({ where: { id: target.id, role: target.role } });
    if (count !== 1) return false;
    const revokedAt = new Date();
    await tx.invite.updateMany({ where: { createdById: target.id, usedAt: null, revokedAt: null }, data: { revokedAt } });
    await tx.shareLink.updateMany({ where: { createdById: target.id, revokedAt: null }, data: { revokedAt } });
    await notifyMemberRemoved(tx, target.id);
    return true;
  });
  if (!removed) throw new ApiError("conflict", "This member changed meanwhile. Reload the team page and try again.");
  return { id: target.id };
}
