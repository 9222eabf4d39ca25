import "server-only";
import { Prisma } from "@/lib/db/generated/client";

/** The monthly caps that bind a charge, USD; null = no cap. */
export type SpendCaps = { studioCapUsd: Prisma.Decimal | null; memberCapUsd: Prisma.Decimal | null };

type CapRow = { cap: string | null };

/**
 * Locks the studio's settings row, then the member's row, until `tx` ends, and reads their
 * monthly caps. Every submit takes these locks before it checks and writes its charge, so
 * concurrent submits do both one after another, each seeing the charges committed before
 * it: together they can never overspend a cap. The order is always the same, so two
 * submits never deadlock. The studio row (id 1) is made by a migration.
 */
export async function lockSpendCaps(tx: Prisma.TransactionClient, memberId: string): Promise<SpendCaps> {
  const [studio] = await tx.$queryRaw<CapRow[]>`SELECT "monthlyCapUsd"::text AS cap FROM "StudioSettings" WHERE id = 1 FOR UPDATE`;
  if (!studio) throw new Error("The studio settings row is missing: its migration has not run.");
  const [member] = await tx.$queryRaw<CapRow[]>`SELECT "monthlyCapUsd"::text AS cap FROM "user" WHERE id = ${memberId} FOR UPDATE`;
  const decimal = (cap: string | null | undefined) => (cap == null ? null : new Prisma.Decimal(cap));
  return { studioCapUsd: decimal(studio.cap), memberCapUsd: decimal(member?.cap) };
}
