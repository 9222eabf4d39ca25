import "server-only";
import { FORMER_MEMBER_NAME } from "@/lib/api/tracks/creator-name";
import type { PrismaClient } from "@/lib/db/generated/client";

export type LedgerMember = { name: string; email: string };

/** A removed member's charges stay in the ledger; their account (name, email) does not. */
export const FORMER_MEMBER: LedgerMember = { name: FORMER_MEMBER_NAME, email: "" };

/** The name and email of each member in `ids`; look up a removed one with `?? FORMER_MEMBER`. */
export async function ledgerMembers(prisma: PrismaClient, ids: Iterable<string>): Promise<Map<string, LedgerMember>> {
  const users = await prisma.user.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true, email: true } });
  return new Map(users.map(({ id, name, email }) => [id, { name, email }]));
}
