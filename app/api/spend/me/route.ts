import { parseQuery } from "@/lib/api/input";
import { route } from "@/lib/api/route";
import { getOwnSpend } from "@/lib/api/spend/get-own-spend";
import { ownSpendQuerySchema } from "@/lib/api/spend/own-spend-query";

export const dynamic = "force-dynamic";

/**
 * The caller's own month: `{month, monthName, spentUsd, capUsd, remainingUsd, limitedBy}`, USD
 * exact; `remainingUsd` is the room the tighter of their cap and the studio's leaves (null: no
 * cap). Any member, for themself only: it takes no query.
 */
export const GET = route(({ request, member }) => {
  parseQuery(request, ownSpendQuerySchema);
  return getOwnSpend(member);
});
