import { capBodySchema } from "@/lib/api/caps/cap-body";
import { setStudioCap } from "@/lib/api/caps/set-studio-cap";
import { parseJsonBody } from "@/lib/api/input";
import { route } from "@/lib/api/route";

export const dynamic = "force-dynamic";

/** `{capUsd: number | null}` (admin+) → `{capUsd, spentUsd}`: the whole studio's monthly cap. */
export const PUT = route({ role: "admin" }, async ({ request }) => {
  const { capUsd } = await parseJsonBody(request, capBodySchema);
  return setStudioCap(capUsd);
});
