import "server-only";
import { calendarMonthOf } from "@/lib/spend/calendar-month";
import { db } from "@/lib/db/client";
import { centsText } from "@/lib/money";
import type { CapView } from "./get-caps";
import { monthSpendUsd } from "@/lib/spend/month-spend";

/** Sets (or, with null, lifts) the whole studio's monthly cap; answers it with the month's spend. */
export async function setStudioCap(capUsd: number | null, now = new Date()): Promise<CapView> {
  const prisma = await db();
  await prisma.studioSettings.update({ where: { id: 1 }, data: { monthlyCapUsd: capUsd === null ? null : centsText(capUsd) } });
  return { capUsd, spentUsd: (await monthSpendUsd(prisma, calendarMonthOf(now))).toNumber() };
}
