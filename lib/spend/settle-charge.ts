import "server-only";
import { Prisma } from "@/lib/db/generated/client";
import { reservedDurationSeconds } from "@/lib/venice/capabilities";

// A model that takes no duration (Seed Audio) is charged for the length it reserves (120 s)
// when Venice accepts the job, and Venice settles on the track's real length once it is made,
// giving back the rest (../shared/venice/README.md). The ledger row records that settlement as
// a partial refund, so net spend, the caps and the ledger count what Venice really charged.

/** What Venice charges for `audioSeconds` of a job quoted `quotedUsd` for `reservedSeconds`, to the micro-dollar, never more than the quote. */
export function settledUsd(quotedUsd: Prisma.Decimal, reservedSeconds: number, audioSeconds: number): Prisma.Decimal {
  const seconds = Math.min(Math.max(0, audioSeconds), reservedSeconds);
  return quotedUsd.times(seconds).dividedBy(reservedSeconds).toDecimalPlaces(6, Prisma.Decimal.ROUND_UP);
}

/**
 * Settles the charge of a finished job of a model that reserves a length, on the track's real
 * length as Venice reported it; anything else is left as charged. Runs in the transaction that
 * stores the track, so a settlement is recorded once, with the track.
 */
export async function settleCharge(
  tx: Prisma.TransactionClient,
  job: { id: string; model: string },
  audioSeconds: number | undefined,
): Promise<void> {
  const reserved = reservedDurationSeconds(job.model);
  if (reserved === undefined || audioSeconds === undefined) return;
  const entry = await tx.ledgerEntry.findUnique({ where: { generationId: job.id }, select: { quotedUsd: true, refundedUsd: true } });
  if (!entry || !entry.refundedUsd.isZero()) return;
  const settled = settledUsd(entry.quotedUsd, reserved, audioSeconds);
  if (settled.greaterThanOrEqualTo(entry.quotedUsd)) return;
  await tx.ledgerEntry.update({
    where: { generationId: job.id },
    data: { refundedUsd: entry.quotedUsd.minus(settled), refundedAt: new Date() },
  });
}
