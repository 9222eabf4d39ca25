import { route } from "@/lib/api/route";
import { revokeInvite } from "@/lib/api/team/revoke-invite";

export const dynamic = "force-dynamic";

type Params = { id: string };

/** Revokes an unused invite → the invite, now `revoked`; a used one is a 409. */
export const DELETE = route<Params>({ role: "admin" }, ({ params, member }) => revokeInvite(params.id, member));
