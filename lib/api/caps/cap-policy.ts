import { hasRole, type Member, type Role } from "@/lib/auth/member";

// Who may set whose monthly cap.

/** Admins set every member's monthly cap but the owner's, which only the owner sets. */
export function maySetCap(viewer: Member, target: { role: Role }): boolean {
  return hasRole(viewer, "admin") && (target.role !== "owner" || viewer.role === "owner");
}
