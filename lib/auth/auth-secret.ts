import "server-only";
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/db/generated/client";
import { env } from "@/lib/env";

/**
 * The key that signs session cookies: BETTER_AUTH_SECRET when set, otherwise one generated
 * by the first instance to start and kept in the database, so that one command is enough
 * and every instance on the same database accepts the same sessions.
 */
export async function authSecret(prisma: PrismaClient): Promise<string> {
  const fromEnv = env().BETTER_AUTH_SECRET;
  if (fromEnv) return fromEnv;
  await ensureStudioSettings(prisma);
  const { authSecret: stored } = await prisma.studioSettings.findUniqueOrThrow({ where: { id: 1 } });
  return stored;
}

/** The studio's one settings row, created on first use (by whichever instance gets there first). */
export async function ensureStudioSettings(prisma: PrismaClient): Promise<void> {
  await prisma.studioSettings.createMany({
    data: [{ id: 1, authSecret: randomBytes(32).toString("base64url") }],
    skipDuplicates: true,
  });
}
