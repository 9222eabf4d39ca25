import type { Member } from "@/lib/auth/member";

/** The roles an invite link can carry: nobody joins as owner. */
export type InvitableRole = "admin" | "member";

/**
 * The roles `actor` may invite someone as: the owner invites admins and members, an admin
 * invites members. An invite link can leak, so the links that make admins come from the owner.
 */
export function invitableRoles(actor: Member): InvitableRole[] {
  return actor.role === "owner" ? ["admin", "member"] : ["member"];
}
