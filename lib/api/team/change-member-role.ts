import "server-only";
import { z } from "zod";
import { ApiError } from "@/lib/errors";
import type { Member } from "@/lib/auth/member";
import { findTeamMember, MEMBER_NOT_FOUND } from "@/lib/api/team/find-team-member";
import { roleChangeRefusal } from "@/lib/api/team/team-policy";
import { teamMemberSelect, toTeamMember, type TeamMember } from "@/lib/api/team/team-member-view";
import { db } from "@/lib/db/client";

export const changeRoleSchema = z.strictObject({
  // There is one owner, the account that set the studio up: no one can be made owner.
  role: z.enum(["admin", "member"], { error: "The role must be admin or member." }),
});

/** Makes a member an admin or an admin a member (roleChangeRefusal has the rules). */
export async function changeMemberRole(id: string, { role }: z.output<typeof changeRoleSchema>, actor: Member): Promise<TeamMember> {
  const target = await findTeamMember(id);
  const refusal = roleChangeRefusal(actor, target);
  if (refusal) throw new ApiError("forbidden", refusal);
  const prisma = await db();
  // Compare-and-set on the role that was checked, so a concurrent change can't slip past the rules.
  const { count } = await prisma.user.updateMany({ where: { id: target.id, role: target.role }, data: { role } });
  if (count === 0) throw new ApiError("conflict", "This member changed meanwhile. Reload the team page and try again.");
  const updated = await prisma.user.findUnique({ where: { id: target.id }, select: teamMemberSelect });
  if (!updated) throw new ApiError("not_found", MEMBER_NOT_FOUND);
  return toTeamMember(updated, actor);
}
