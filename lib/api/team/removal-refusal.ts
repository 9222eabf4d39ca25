import type { Member, Role } from "@/lib/auth/member";

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
