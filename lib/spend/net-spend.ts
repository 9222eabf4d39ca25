import "server-only";
import { Prisma } from "@/lib/db/generated/client";

export type DecimalValue = Prisma.Decimal | string | number;

/**
 * What charges cost once refunds are taken off: quoted − refunded, exact (Decimal). A sum over
 * no rows is null, which counts as nothing spent.
 */
export function netSpendUsd(quotedUsd: DecimalValue | null, refundedUsd: DecimalValue | null): Prisma.Decimal {
  return new Prisma.Decimal(quotedUsd ?? 0).minus(refundedUsd ?? 0);
}
