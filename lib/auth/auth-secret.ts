import "server-only";
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
  const { authSecret: stored } = await prisma.studioSettings.findUniqueOrThrow({ where: { id: 1 } });
  return stored;
}
