import type { OwnSpend } from "@/lib/api/spend/get-own-spend";
import { exceedsRoom, formatBalance, formatPrice, formatUsd } from "@/lib/money";

/**
 * What the submit would answer (checkSpendCaps) when `priceUsd` crosses the room the caller's
 * caps leave, said before Create is pressed; null while it fits or there is no cap.
 */
export function overCapMessage(spend: OwnSpend, priceUsd: number | undefined): string | null {
  if (priceUsd === undefined || spend.remainingUsd === null || !exceedsRoom(priceUsd, spend.remainingUsd)) return null;
  const ask = "An admin can raise it on the Ledger page.";
  if (spend.limitedBy === "member" && spend.capUsd !== null) {
    return `This costs ${formatPrice(priceUsd)}, which would take you past your monthly cap of ${formatUsd(spend.capUsd)} (${formatPrice(spend.spentUsd)} spent in ${spend.monthName}). ${ask}`;
  }
  return `This costs ${formatPrice(priceUsd)}, more than the ${formatBalance(spend.remainingUsd)} the studio's monthly cap has left in ${spend.monthName}. ${ask}`;
}
