import "server-only";
import { ApiError } from "@/lib/api/errors";
import { teamMemberSelect } from "@/lib/api/team/team-member-view";
import { db } from "@/lib/db/client";

export const MEMBER_NOT_FOUND = "This member does not exist or was removed.";

/** The account `id` names; 404 otherwise (account ids are better-auth's, not UUIDs). */
export async function findTeamMember(id: string) {
  const prisma = await db();
  const member = id.length <= 200 ? await prisma.user.findUnique({ where: { id }, select: teamMemberSelect }) : null;
  if (!member) throw new ApiError("not_found", MEMBER_NOT_FOUND);
  return member;
}
