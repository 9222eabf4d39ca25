import "server-only";
import { ApiError } from "@/lib/errors";
import { parseAccountId } from "@/lib/api/input";
import { teamMemberSelect } from "@/lib/api/team/team-member-view";
import { db } from "@/lib/db/client";

export const MEMBER_NOT_FOUND = "This member does not exist or was removed.";

/** The account `id` names; 404 otherwise (account ids are better-auth's, not UUIDs). */
export async function findTeamMember(id: string) {
  const prisma = await db();
  const member = await prisma.user.findUnique({ where: { id: parseAccountId(id, MEMBER_NOT_FOUND) }, select: teamMemberSelect });
  if (!member) throw new ApiError("not_found", MEMBER_NOT_FOUND);
  return member;
}
