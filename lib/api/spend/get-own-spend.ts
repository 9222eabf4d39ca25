import "server-only";
import type { Member } from "@/lib/auth/member";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { calendarMonthOf } from "@/lib/spend/calendar-month";
import { monthSpendUsd } from "@/lib/spend/month-spend";

export type OwnSpend = {
  /** "YYYY-MM", the UTC calendar month caps count in. */
  month: string;
  /** "December 2026". */
  monthName: string;
  /** What the caller spent this month, USD, exact: charges less refunds and settlements. */
  spentUsd: number;
  /** The caller's own monthly cap, USD; null for none. */
  capUsd: number | null;
  /**
   * What may still be charged this month before a cap refuses a submit, USD, exact: the
   * smaller room of the caller's cap and the studio's; null when neither is capped.
   */
  remainingUsd: number | null;
  /** Which cap leaves that room; null when neither is capped. */
  limitedBy: "member" | "studio" | null;
};

/**
 * The caller's own spend this month and the room the caps leave them, as the submit checks it
 * (checkSpendCaps): their cap against their spend, the studio's against everyone's.
 */
export async function getOwnSpend(member: Member, now = new Date()): Promise<OwnSpend> {
  const prisma = await db();
  const month = calendarMonthOf(now);
  const [user, studio, spent] = await Promise.all([
    prisma.user.findUniqueOrThrow({ where: { id: member.id }, select: { monthlyCapUsd: true } }),
    prisma.studioSettings.findUniqueOrThrow({ where: { id: 1 }, select: { monthlyCapUsd: true } }),
    monthSpendUsd(prisma, month, member.id),
  ]);
  const rooms: { cap: "member" | "studio"; room: Prisma.Decimal }[] = [];
  if (user.monthlyCapUsd) rooms.push({ cap: "member", room: user.monthlyCapUsd.minus(spent) });
  if (studio.monthlyCapUsd) rooms.push({ cap: "studio", room: studio.monthlyCapUsd.minus(await monthSpendUsd(prisma, month)) });
  // The tighter cap binds; on a tie, the member's own (a stable sort keeps it first).
  const [tightest] = rooms.sort((a, b) => a.room.comparedTo(b.room));
  return {
    month: month.key,
    monthName: month.name,
    spentUsd: spent.toNumber(),
    capUsd: user.monthlyCapUsd?.toNumber() ?? null,
    // A cap lowered below the spend leaves no room, not a negative one.
    remainingUsd: tightest ? Math.max(0, tightest.room.toNumber()) : null,
    limitedBy: tightest?.cap ?? null,
  };
}
