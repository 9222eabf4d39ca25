import "server-only";
import { calendarMonthOf } from "@/lib/spend/calendar-month";
import { netSpendUsd } from "@/lib/spend/net-spend";
import { hasRole, type Member, type Role } from "@/lib/auth/member";
import { db } from "@/lib/db/client";
import { maySetCap } from "./cap-policy";
import { monthSpendUsd } from "@/lib/spend/month-spend";

export type CapView = { capUsd: number | null; spentUsd: number };
export type MemberCapView = CapView & {
  id: string;
  name: string;
  role: Role;
  /** Whether the viewer may set this cap (maySetCap). */
  canSet: boolean;
};
/** This month's caps and spend: `month` is "YYYY-MM" (UTC). */
export type Caps = { month: string; studio: CapView; members: MemberCapView[] };

/**
 * The studio's monthly cap and every member's, each with the month's spend so far. Admins
 * see every member; a member sees only themself.
 */
export async function getCaps(viewer: Member, now = new Date()): Promise<Caps> {
  const prisma = await db();
  const month = calendarMonthOf(now);
  const studio = await prisma.studioSettings.findUniqueOrThrow({ where: { id: 1 }, select: { monthlyCapUsd: true } });
  const members = await prisma.user.findMany({
    where: hasRole(viewer, "admin") ? {} : { id: viewer.id },
    select: { id: true, name: true, role: true, monthlyCapUsd: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  const spentByMember = await prisma.ledgerEntry.groupBy({
    by: ["memberId"],
    where: { createdAt: { gte: month.start, lt: month.end }, memberId: { in: members.map((member) => member.id) } },
    _sum: { quotedUsd: true, refundedUsd: true },
  });
  const spent = new Map(spentByMember.map(({ memberId, _sum }) => [memberId, netSpendUsd(_sum.quotedUsd, _sum.refundedUsd).toNumber()]));
  return {
    month: month.key,
    studio: { capUsd: studio.monthlyCapUsd?.toNumber() ?? null, spentUsd: (await monthSpendUsd(prisma, month)).toNumber() },
    members: members.map(({ id, name, role, monthlyCapUsd }) => ({
      id,
      name,
      role,
      capUsd: monthlyCapUsd?.toNumber() ?? null,
      spentUsd: spent.get(id) ?? 0,
      canSet: maySetCap(viewer, { role }),
    })),
  };
}
