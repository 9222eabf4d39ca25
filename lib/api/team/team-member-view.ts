import type { Member, Role } from "@/lib/auth/member";
import { removalRefusal, roleChangeRefusal } from "@/lib/api/team/team-policy";
import type { Prisma } from "@/lib/db/generated/client";

// What the team page shows of an account: never its sessions, password or cap internals.

export const teamMemberSelect = { id: true, name: true, email: true, role: true, createdAt: true } satisfies Prisma.UserSelect;

type TeamMemberRow = Prisma.UserGetPayload<{ select: typeof teamMemberSelect }>;

export type TeamMember = {
  id: string;
  name: string;
  email: string;
  role: Role;
  createdAt: string;
  /** Whether the viewer may change this member's role / remove them (the rules in this folder). */
  canChangeRole: boolean;
  canRemove: boolean;
};

export function toTeamMember(row: TeamMemberRow, viewer: Member): TeamMember {
  return {
    ...row,
    createdAt: row.createdAt.toISOString(),
    canChangeRole: roleChangeRefusal(viewer, row) === null,
    canRemove: removalRefusal(viewer, row) === null,
  };
}
