import type { Member, Role } from "@/lib/auth/member";

// Who may do what to whom in the team. Pure rules, shared by the routes and the team page.

/** The roles an invite link can carry: nobody joins as owner. */
export type InvitableRole = "admin" | "member";

/**
 * The roles `actor` may invite someone as: the owner invites admins and members, an admin
 * invites members. An invite link can leak, so the links that make admins come from the owner.
 */
export function invitableRoles(actor: Member): InvitableRole[] {
  return actor.role === "owner" ? ["admin", "member"] : ["member"];
}

/**
 * Why `actor` (an admin or the owner) may not change `target`'s role, or null when they may.
 * Nobody changes their own role (no self-promotion, no locking yourself out) and the owner's
 * role is fixed; an admin may otherwise move anyone between member and admin.
 */
export function roleChangeRefusal(actor: Member, target: { id: string; role: Role }): string | null {
  if (target.id === actor.id) return "You can't change your own role.";
  if (target.role === "owner") return "The owner's role can't be changed.";
  return null;
}

/**
 * Why `actor` (an admin or the owner) may not remove `target`, or null when they may.
 * The owner stays, nobody removes themselves, and only the owner removes an admin: an admin
 * removes members (to remove an admin, an admin first has to make them a member, a
 * deliberate second step the owner can see).
 */
export function removalRefusal(actor: Member, target: { id: string; role: Role }): string | null {
  if (target.id === actor.id) return "You can't remove yourself.";
  if (target.role === "owner") return "The owner can't be removed.";
  if (target.role === "admin" && actor.role !== "owner") return "Only the owner can remove an admin.";
  return null;
}
