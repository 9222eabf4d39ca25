import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/db/generated/client";

// The studio's one settings row (id 1), created on first use by whichever instance gets there
// first; never deleted, so each database client checks for it once.
const ensured = new WeakSet<PrismaClient>();

export async function ensureStudioSettings(prisma: PrismaClient): Promise<void> {
  if (ensured.has(prisma)) return;
  await prisma.studioSettings.createMany({
    data: [{ id: 1, authSecret: randomBytes(32).toString("base64url") }],
    skipDuplicates: true,
  });
  ensured.add(prisma);
}

/** The studio-wide settings an admin can change (the secret stays out of it). */
export async function studioSettings(): Promise<{ openSignUp: boolean; monthlyCapUsd: number | null }> {
  const prisma = await db();
  await ensureStudioSettings(prisma);
  const settings = await prisma.studioSettings.findUniqueOrThrow({ where: { id: 1 }, select: { openSignUp: true, monthlyCapUsd: true } });
  return { openSignUp: settings.openSignUp, monthlyCapUsd: settings.monthlyCapUsd?.toNumber() ?? null };
}
