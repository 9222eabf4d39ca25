import "server-only";
import { db } from "@/lib/db/client";
import { ensureStudioSettings } from "./auth-secret";

/** The studio-wide settings an admin can change (the secret stays out of it). */
export async function studioSettings(): Promise<{ openSignUp: boolean; monthlyCapUsd: number | null }> {
  const prisma = await db();
  await ensureStudioSettings(prisma);
  const settings = await prisma.studioSettings.findUniqueOrThrow({ where: { id: 1 }, select: { openSignUp: true, monthlyCapUsd: true } });
  return { openSignUp: settings.openSignUp, monthlyCapUsd: settings.monthlyCapUsd?.toNumber() ?? null };
}
