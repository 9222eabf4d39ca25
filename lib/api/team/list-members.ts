import "server-only";
import type { Member, Role } from "@/lib/auth/member";
import { teamMemberSelect, toTeamMember, type TeamMember } from "@/lib/api/team/team-member-view";
import { db } from "@/lib/db/client";

const ROLE_ORDER: Readonly<Record<Role, number>> = { owner: 0, admin: 1, member: 2 };

/** Every account of the studio: the owner, then admins, then members, each by name. */
export async function listMembers(viewer: Member): Promise<{ members: TeamMember[] }> {
  const prisma = await db();
  const rows = await prisma.user.findMany({ select: teamMemberSelect, orderBy: [{ name: "asc" }, { createdAt: "asc" }] });
  rows.sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role]);
  return { members: rows.map((row) => toTeamMember(row, viewer)) };
}
