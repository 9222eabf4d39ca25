import { getCaps } from "@/lib/api/caps/get-caps";
import { route } from "@/lib/api/route";

export const dynamic = "force-dynamic";

/**
 * `{month, studio: {capUsd, spentUsd}, members: [{id, name, role, capUsd, spentUsd, canSet}]}`: this month's
 * caps (null = none) and spend, USD. Admins see every member; a member sees only themself.
 */
export const GET = route(({ member }) => getCaps(member));
