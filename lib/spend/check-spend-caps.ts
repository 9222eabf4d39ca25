import "server-only";
import { ApiError } from "@/lib/errors";
import type { CalendarMonth } from "@/lib/spend/calendar-month";
import type { Prisma } from "@/lib/db/generated/client";
import { formatPrice } from "@/lib/money";
import type { SpendCaps } from "./lock-spend-caps";
import { monthSpendUsd } from "./month-spend";

/**
 * Refuses (402) a charge of `priceUsd` that would take `memberId`, or the whole studio, past
 * its monthly cap in `month`. Only sound under the locks `caps` was read with
 * (lockSpendCaps), in the transaction that then writes the charge.
 */
export async function checkSpendCaps(
  tx: Prisma.TransactionClient,
  caps: SpendCaps,
  memberId: string,
  priceUsd: Prisma.Decimal,
  month: CalendarMonth,
): Promise<void> {
  if (caps.memberCapUsd) {
    const spent = await monthSpendUsd(tx, month, memberId);
    if (spent.plus(priceUsd).greaterThan(caps.memberCapUsd)) throw overCap("you past your", caps.memberCapUsd, spent, priceUsd, month);
  }
  if (caps.studioCapUsd) {
    const spent = await monthSpendUsd(tx, month);
    if (spent.plus(priceUsd).greaterThan(caps.studioCapUsd)) throw overCap("the studio past its", caps.studioCapUsd, spent, priceUsd, month);
  }
}

function overCap(whose: string, cap: Prisma.Decimal, spent: Prisma.Decimal, priceUsd: Prisma.Decimal, month: CalendarMonth): ApiError {
  // Rounded up like a price: the spend shown never hides the cent that tips it over the cap.
  const usd = (amount: Prisma.Decimal) => formatPrice(amount.toNumber());
  return new ApiError(
    "payment_required",
    `This costs ${usd(priceUsd)}, which would take ${whose} monthly cap of ${usd(cap)} ` +
      `(${usd(spent)} spent in ${month.name}). An admin can raise it on the Ledger page.`,
  );
}
