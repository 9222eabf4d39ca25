import "server-only";
import type { CalendarMonth } from "@/lib/spend/calendar-month";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { FORMER_MEMBER, ledgerMembers } from "./ledger-members";
import { netSpendUsd, type DecimalValue } from "@/lib/spend/net-spend";

/** Sums of a group of charges, USD; net = quoted − refunded. */
export type LedgerTotals = { quotedUsd: number; refundedUsd: number; netUsd: number; entries: number };

export type LedgerEntryView = {
  id: string;
  /** ISO 8601, UTC. */
  createdAt: string;
  generationId: string;
  /** The generation's title and status, when its row still exists. */
  title: string | null;
  status: string | null;
  memberId: string;
  memberName: string;
  memberEmail: string;
  model: string;
  quotedUsd: number;
  refundedUsd: number;
  netUsd: number;
};

export type Ledger = {
  /** The month shown ("YYYY-MM"), or null for all of the ledger. */
  month: string | null;
  total: LedgerTotals;
  members: (LedgerTotals & { memberId: string; name: string; email: string })[];
  models: (LedgerTotals & { model: string })[];
  /** Every month with a charge, newest first, whatever `month` is. */
  months: (LedgerTotals & { month: string })[];
  /** The latest charges, newest first; `total.entries` says how many there are. */
  entries: LedgerEntryView[];
};

const LATEST_ENTRIES = 200;

type Sums = { _sum: { quotedUsd: Prisma.Decimal | null; refundedUsd: Prisma.Decimal | null }; _count: { _all: number } };

/** The spend ledger of one UTC month (or all of it): totals per member, model and month, and the latest charges. */
export async function listLedger(month: CalendarMonth | undefined): Promise<Ledger> {
  const prisma = await db();
  const where: Prisma.LedgerEntryWhereInput = month ? { createdAt: { gte: month.start, lt: month.end } } : {};
  const sums = { _sum: { quotedUsd: true, refundedUsd: true }, _count: { _all: true } } as const;

  const [total, byMember, byModel, byMonth, latest] = await Promise.all([
    prisma.ledgerEntry.aggregate({ where, ...sums }),
    prisma.ledgerEntry.groupBy({ by: ["memberId"], where, ...sums }),
    prisma.ledgerEntry.groupBy({ by: ["model"], where, ...sums }),
    // Timestamps are stored in UTC, so the month of the stored value is the UTC month.
    prisma.$queryRaw<{ month: string; quoted: string; refunded: string; entries: number }[]>`
      SELECT to_char("createdAt", 'YYYY-MM') AS month, SUM("quotedUsd")::text AS quoted,
             SUM("refundedUsd")::text AS refunded, COUNT(*)::int AS entries
      FROM "LedgerEntry" GROUP BY 1 ORDER BY 1 DESC`,
    prisma.ledgerEntry.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: LATEST_ENTRIES }),
  ]);
  const members = await ledgerMembers(prisma, [...byMember.map((row) => row.memberId), ...latest.map((row) => row.memberId)]);
  const generations = new Map(
    (
      await prisma.generation.findMany({
        where: { id: { in: latest.map((entry) => entry.generationId) } },
        select: { id: true, title: true, status: true },
      })
    ).map((generation) => [generation.id, generation]),
  );
  const byNet = (a: LedgerTotals, b: LedgerTotals) => b.netUsd - a.netUsd;

  return {
    month: month?.key ?? null,
    total: totalsOf(total),
    members: byMember
      .map((row) => ({ memberId: row.memberId, ...(members.get(row.memberId) ?? FORMER_MEMBER), ...totalsOf(row) }))
      .sort((a, b) => byNet(a, b) || a.name.localeCompare(b.name)),
    models: byModel.map((row) => ({ model: row.model, ...totalsOf(row) })).sort((a, b) => byNet(a, b) || a.model.localeCompare(b.model)),
    months: byMonth.map((row) => ({ month: row.month, ...totals(row.quoted, row.refunded, row.entries) })),
    entries: latest.map((entry) => {
      const member = members.get(entry.memberId) ?? FORMER_MEMBER;
      const generation = generations.get(entry.generationId);
      return {
        id: entry.id,
        createdAt: entry.createdAt.toISOString(),
        generationId: entry.generationId,
        title: generation?.title ?? null,
        status: generation?.status ?? null,
        memberId: entry.memberId,
        memberName: member.name,
        memberEmail: member.email,
        model: entry.model,
        ...amounts(entry.quotedUsd, entry.refundedUsd),
      };
    }),
  };
}

function totalsOf({ _sum, _count }: Sums): LedgerTotals {
  return totals(_sum.quotedUsd, _sum.refundedUsd, _count._all);
}

function totals(quoted: DecimalValue | null, refunded: DecimalValue | null, entries: number): LedgerTotals {
  return { ...amounts(quoted ?? 0, refunded ?? 0), entries };
}

/** Net is computed in Decimal, so it is exact before it becomes a JSON number. */
function amounts(quoted: DecimalValue, refunded: DecimalValue) {
  return {
    quotedUsd: new Prisma.Decimal(quoted).toNumber(),
    refundedUsd: new Prisma.Decimal(refunded).toNumber(),
    netUsd: netSpendUsd(quoted, refunded).toNumber(),
  };
}
