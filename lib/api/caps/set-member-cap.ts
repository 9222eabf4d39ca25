import "server-only";
import { ApiError } from "@/lib/errors";
import { calendarMonthOf } from "@/lib/spend/calendar-month";
import type { Member } from "@/lib/auth/member";
import { findTeamMember } from "@/lib/api/team/find-team-member";
import { db } from "@/lib/db/client";
import { centsText } from "@/lib/money";
import type { MemberCapView } from "./get-caps";
import { maySetCap } from "./cap-policy";
import { monthSpendUsd } from "@/lib/spend/month-spend";

/**
 * Sets (or, with null, lifts) one member's monthly cap; answers it with their month's spend.
 * Admins set anyone's cap but the owner's, which only the owner sets (maySetCap).
 */
export async function setMemberCap(viewer: Member, memberId: string, capUsd: number | null, now = new Date()): Promise<MemberCapView> {
  const member = await findTeamMember(memberId);
  if (!maySetCap(viewer, member)) throw new ApiError("forbidden", "Only the owner sets the owner's cap.");
  const prisma = await db();
  await prisma.user.update({ where: { id: memberId }, data: { monthlyCapUsd: capUsd === null ? null : centsText(capUsd) } });
  const spentUsd = (await monthSpendUsd(prisma, calendarMonthOf(now), memberId)).toNumber();
  return { id: member.id, name: member.name, role: member.role, capUsd, spentUsd, canSet: true };
}
