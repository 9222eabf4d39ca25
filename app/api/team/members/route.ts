import { route } from "@/lib/api/route";
import { listMembers } from "@/lib/api/team/list-members";

export const dynamic = "force-dynamic";

/** `{members: [{id, name, email, role, createdAt, canChangeRole, canRemove}]}`, for admins and the owner. */
export const GET = route({ role: "admin" }, ({ member }) => listMembers(member));
