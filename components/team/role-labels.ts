import type { Role } from "@/lib/auth/member";

export const ROLE_LABELS: Readonly<Record<Role, string>> = { owner: "Owner", admin: "Admin", member: "Member" };
