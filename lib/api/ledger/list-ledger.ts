import "server-only";
import type { CalendarMonth } from "@/lib/spend/calendar-month";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { modelNames } from "@/lib/api/tracks/model-names";
import { ledgerEntryDetails } from "./ledger-entry-details";
import { FORMER_MEMBER, ledgerMembers } from "./ledger-members";
import { netSpendUsd, type DecimalValue } from "@/lib/spend/net-spend";

/** Sums of a group of charges, USD; net = quoted − refunded. */
export type LedgerTotals = { quotedUsd: number; refundedUsd: number; netUsd: number; entries: number };

export type LedgerEntryView = {
  id: string;
  /** ISO 8601, UTC. */
  createdAt: string;
  generationId: string;
  /** Its track's current title (after a rename too), else the generation's; null once the generation's row is gone. */
  title: string | null;
  status: string | null;
  memberId: string;
  memberName: string;
  memberEmail: string;
  /** The model's id, and its name from Venice's catalog (the id when the catalog does not list it or cannot be reached). */
  model: string;
  modelName: string;
  quotedUsd: number;
  refundedUsd: number;
  netUsd: number;
  /**
   * The charge was held for a reserved length and settled on the track's real length (Seed
   * Audio): its refund is the part of the hold Venice gave back, its net what Venice charged.
   */
  settled: boolean;
};

export type Ledger = {
  /** The month shown ("YYYY-MM"), or null for all of the ledger. */
  month: string | null;
  total: LedgerTotals;
  members: (LedgerTotals & { memberId: string; name: string; email: string })[];
  models: (LedgerTotals & { model: string; modelName: string })[];
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
  const [members, generations, names] = await Promise.all([
    ledgerMembers(prisma, [...byMember.map((row) => row.memberId), ...latest.map((row) => row.memberId)]),
    ledgerEntryDetails(prisma, latest.map((entry) => entry.generationId)),
    modelNames(),
  ]);
  const nameOf = (model: string) => names.get(model) ?? model;
  const byNet = (a: LedgerTotals, b: LedgerTotals) => b.netUsd - a.netUsd;

  return {
    month: month?.key ?? null,
    total: totalsOf(total),
    members: byMember
      .map((row) => ({ memberId: row.memberId, ...(members.get(row.memberId) ?? FORMER_MEMBER), ...totalsOf(row) }))
      .sort((a, b) => byNet(a, b) || a.name.localeCompare(b.name)),
    models: byModel
      .map((row) => ({ model: row.model, modelName: nameOf(row.model), ...totalsOf(row) }))
      .sort((a, b) => byNet(a, b) || a.modelName.localeCompare(b.modelName)),
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
        modelName: nameOf(entry.model),
        ...amounts(entry.quotedUsd, entry.refundedUsd),
        settled: isSettlement(generation?.status, entry.refundedUsd),
      };
    }),
  };
}

/** A refund on a job that made its track is a settlement (settle-charge.ts): a failed job's is a refund in full. */
function isSettlement(status: string | undefined, refundedUsd: Prisma.Decimal): boolean {
  return (status === "completed" || status === "downloaded") && !refundedUsd.isZero();
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
