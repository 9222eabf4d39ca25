import "server-only";
import type { CalendarMonth } from "@/lib/spend/calendar-month";
import { netSpendUsd } from "@/lib/spend/net-spend";
import type { Prisma, PrismaClient } from "@/lib/db/generated/client";

/**
 * What was spent in `month`, USD: every charge quoted that month less its refund, exact
 * (Decimal). Of one member when `memberId` is given, else of the whole studio.
 */
export async function monthSpendUsd(
  db: PrismaClient | Prisma.TransactionClient,
  month: CalendarMonth,
  memberId?: string,
): Promise<Prisma.Decimal> {
  const { _sum } = await db.ledgerEntry.aggregate({
    where: { createdAt: { gte: month.start, lt: month.end }, ...(memberId !== undefined && { memberId }) },
    _sum: { quotedUsd: true, refundedUsd: true },
  });
  return netSpendUsd(_sum.quotedUsd, _sum.refundedUsd);
}
