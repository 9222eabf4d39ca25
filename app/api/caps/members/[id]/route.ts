import { capBodySchema } from "@/lib/api/caps/cap-body";
import { setMemberCap } from "@/lib/api/caps/set-member-cap";
import { parseJsonBody } from "@/lib/api/input";
import { route } from "@/lib/api/route";

export const dynamic = "force-dynamic";

type Params = { id: string };

/**
 * `{capUsd: number | null}` (admin+) → `{id, name, role, capUsd, spentUsd, canSet}`: one member's monthly cap.
 * Only the owner sets the owner's cap.
 */
export const PUT = route<Params>({ role: "admin" }, async ({ request, params, member }) => {
  const { capUsd } = await parseJsonBody(request, capBodySchema);
  return setMemberCap(member, params.id, capUsd);
});
