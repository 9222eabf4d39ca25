import type { PrismaClient } from "@/lib/db/generated/client";

// One budget of Venice calls of a kind ("retrieve", "queue") for all jobs of all workers of
// all instances: a token bucket kept in one PostgreSQL row and changed by single atomic
// statements, so concurrent takers serialize on the row and never overspend.
//
// A bucket of `burst` tokens refilled at r a minute lets at most burst + r calls into any
// 60 s window, which is what Venice's rolling-window limit counts. So the bucket refills at
// perMinute − burst: `perMinute` (2 or more) is a true cap on any rolling minute. The default burst (a
// tenth of the rate) and rates keep retrieves at 100/min within Venice's 120 and queues at
// 30/min within its 40.

export type RateBudgetName = "queue" | "retrieve";

export type RateBudgetConfig = { perMinute: number; burst?: number };

export type BudgetDecision = { granted: true } | { granted: false; waitMs: number };

export const DEFAULT_RETRIEVE_BUDGET: RateBudgetConfig = { perMinute: 100 };
export const DEFAULT_QUEUE_BUDGET: RateBudgetConfig = { perMinute: 30 };

/** The bucket's size: at most half the rate, so that most of the rate is steady refill. */
export function burstOf(config: RateBudgetConfig): number {
  return Math.max(1, Math.min(config.burst ?? Math.floor(config.perMinute / 10), Math.floor(config.perMinute / 2)));
}

/** Takes one call from the budget, or says how long until one is free. */
export async function takeFromBudget(
  prisma: PrismaClient,
  name: RateBudgetName,
  config: RateBudgetConfig,
): Promise<BudgetDecision> {
  const burst = burstOf(config);
  const perMs = Math.max(1, config.perMinute - burst) / 60_000;
  // The refill since the last take, capped at the burst; the row is written only on a grant.
  const granted = await prisma.$queryRaw<{ tokens: number }[]>`
    INSERT INTO "VeniceRateBudget" AS b (name, tokens, "refilledAt")
    VALUES (${name}, ${burst - 1}::float8, now())
    ON CONFLICT (name) DO UPDATE SET
      tokens = LEAST(${burst}::float8, b.tokens + EXTRACT(EPOCH FROM (now() - b."refilledAt")) * 1000 * ${perMs}::float8) - 1,
      "refilledAt" = now()
    WHERE (b."pausedUntil" IS NULL OR b."pausedUntil" <= now())
      AND LEAST(${burst}::float8, b.tokens + EXTRACT(EPOCH FROM (now() - b."refilledAt")) * 1000 * ${perMs}::float8) >= 1
    RETURNING tokens`;
  if (granted.length > 0) return { granted: true };

  const [wait] = await prisma.$queryRaw<{ waitMs: number }[]>`
    SELECT GREATEST(
      COALESCE(EXTRACT(EPOCH FROM ("pausedUntil" - now())) * 1000, 0),
      (1 - LEAST(${burst}::float8, tokens + EXTRACT(EPOCH FROM (now() - "refilledAt")) * 1000 * ${perMs}::float8)) / ${perMs}::float8
    )::float8 AS "waitMs"
    FROM "VeniceRateBudget" WHERE name = ${name}`;
  return { granted: false, waitMs: Math.max(1, Math.ceil(wait?.waitMs ?? 1)) };
}

/** After a 429: no call of this kind, from any instance, until Retry-After has passed. */
export async function pauseBudget(prisma: PrismaClient, name: RateBudgetName, ms: number): Promise<void> {
  await prisma.$executeRaw`
    INSERT INTO "VeniceRateBudget" AS b (name, tokens, "refilledAt", "pausedUntil")
    VALUES (${name}, 0, now(), now() + ${ms}::float8 * interval '1 millisecond')
    ON CONFLICT (name) DO UPDATE SET "pausedUntil" = GREATEST(b."pausedUntil", EXCLUDED."pausedUntil")`;
}
