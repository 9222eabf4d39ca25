import "server-only";
import { auth } from "@/lib/auth/auth";

// Who is calling: the member signed in through the session cookie (better-auth), read from
// the database on every request, so a role change or a removal takes effect at once.

export type Role = "member" | "admin" | "owner";
export type Member = { id: string; name: string; email: string; role: Role };

const RANK: Readonly<Record<Role, number>> = { member: 0, admin: 1, owner: 2 };

/** The member signed in on this request, or null. */
export async function currentMember(headers: Headers): Promise<Member | null> {
  const session = await (await auth()).api.getSession({ headers });
  if (!session) return null;
  const { id, name, email, role } = session.user;
  return { id, name, email, role: role as Role };
}

/** Whether `member` has at least `role` (owner > admin > member). */
export function hasRole(member: Member, role: Role): boolean {
  return RANK[member.role] >= RANK[role];
}

/** Creators manage their own work; admins and owners manage everyone's. */
export function canManage(member: Member, creatorId: string): boolean {
  return member.id === creatorId || hasRole(member, "admin");
}
