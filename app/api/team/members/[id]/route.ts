import { parseJsonBody } from "@/lib/api/input";
import { route } from "@/lib/api/route";
import { changeMemberRole, changeRoleSchema } from "@/lib/api/team/change-member-role";
import { removeMember } from "@/lib/api/team/remove-member";

export const dynamic = "force-dynamic";

type Params = { id: string };

/** `{role: "admin" | "member"}` → the member; never your own role, never the owner's. */
export const PATCH = route<Params>({ role: "admin" }, async ({ request, params, member }) =>
  changeMemberRole(params.id, await parseJsonBody(request, changeRoleSchema), member),
);

/** Removes the account (signed out at once); its tracks and ledger rows stay. */
export const DELETE = route<Params>({ role: "admin" }, ({ params, member }) => removeMember(params.id, member));
