import "server-only";

// Who is calling. Accounts arrive with the team issue (better-auth); until then the studio
// has one local owner, and only `currentMember` changes when they do.

export type Role = "member" | "admin" | "owner";
export type Member = { id: string; name: string; role: Role };

const LOCAL_OWNER: Member = { id: "local-owner", name: "Studio owner", role: "owner" };

const RANK: Readonly<Record<Role, number>> = { member: 0, admin: 1, owner: 2 };

/** The member making this request, or null when nobody is signed in. */
export async function currentMember(_request: Request): Promise<Member | null> {
  return LOCAL_OWNER;
}

/** Whether `member` has at least `role` (owner > admin > member). */
export function hasRole(member: Member, role: Role): boolean {
  return RANK[member.role] >= RANK[role];
}

/** Creators manage their own work; admins and owners manage everyone's. */
export function canManage(member: Member, creatorId: string): boolean {
  return member.id === creatorId || hasRole(member, "admin");
}
