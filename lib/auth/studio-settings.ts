import "server-only";
import { db } from "@/lib/db/client";

// The studio's one settings row (id 1) is made by a migration (…_studio_settings_row) and never
// deleted, so code reads and updates it without checking that it exists.

/** The studio-wide settings an admin can change (the secret stays out of it). */
export async function studioSettings(): Promise<{ openSignUp: boolean; monthlyCapUsd: number | null }> {
  const prisma = await db();
  const settings = await prisma.studioSettings.findUniqueOrThrow({ where: { id: 1 }, select: { openSignUp: true, monthlyCapUsd: true } });
  return { openSignUp: settings.openSignUp, monthlyCapUsd: settings.monthlyCapUsd?.toNumber() ?? null };
}
