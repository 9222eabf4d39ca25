import "server-only";
import { ApiError } from "@/lib/errors";
import { parseId } from "@/lib/api/input";
import type { Member } from "@/lib/auth/member";
import { teamInviteSelect, toTeamInvite, type TeamInvite } from "@/lib/api/team/team-invite-view";
import { creatorNames } from "@/lib/api/tracks/creator-name";
import { db } from "@/lib/db/client";

const INVITE_NOT_FOUND = "This invite does not exist.";

/** Revokes an unused invite so its link no longer signs anyone up; revoking twice is harmless. */
export async function revokeInvite(id: string, actor: Member): Promise<TeamInvite> {
  const inviteId = parseId(id, INVITE_NOT_FOUND);
  const prisma = await db();
  // Compare-and-set: a sign-up claiming the link at the same moment wins or loses cleanly.
  await prisma.invite.updateMany({ where: { id: inviteId, usedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
  const invite = await prisma.invite.findUnique({ where: { id: inviteId }, select: teamInviteSelect });
  if (!invite) throw new ApiError("not_found", INVITE_NOT_FOUND);
  if (invite.usedAt) throw new ApiError("conflict", "This invite was already used. To take access away, remove the member instead.");
  const names = await creatorNames([invite.createdById], actor);
  return toTeamInvite(invite, names.get(invite.createdById)!);
}
