import type { Member, Role } from "@/lib/auth/member";

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
