import "server-only";
import type { BetterAuthRateLimitStorage } from "better-auth";
import type { PrismaClient } from "@/lib/db/generated/client";
import { log } from "@/lib/log";

// better-auth's per-address request limits (the rules in auth.ts), in PostgreSQL so that every
// instance counts the same requests: one statement per request, which never fails. better-auth's
// own database storage reads, then inserts: parallel first requests from one address collide on
// the key, and pg's pool closes a connection after any failed query, so a flood of sign-ins had
// the pool open a new connection (a PostgreSQL backend, a password exchange) for nearly every
// request, starving the real member's sign-in and timing connections out into 500s.

/** Rows older than the longest window are pruned, at most this often per instance. */
const PRUNE_EVERY_MS = 60_000;

export function rateLimitStorage(prisma: PrismaClient): BetterAuthRateLimitStorage {
  let longestWindowMs = 60_000;
  let prunedAt = 0;
  return {
    async consume(key, rule) {
      const now = Date.now();
      const windowMs = rule.window * 1_000;
      longestWindowMs = Math.max(longestWindowMs, windowMs);
      if (now - prunedAt >= PRUNE_EVERY_MS) {
        prunedAt = now;
        await pruneRows(prisma, now - longestWindowMs);
      }
      // better-auth's rule: `max` requests, then none until `window` has passed since the last one allowed.
      const allowed = await prisma.$executeRaw`
        INSERT INTO "rateLimit" (id, key, count, "lastRequest") VALUES (gen_random_uuid()::text, ${key}, 1, ${BigInt(now)})
        ON CONFLICT (key) DO UPDATE SET
          count = CASE WHEN "rateLimit"."lastRequest" <= ${BigInt(now - windowMs)} THEN 1 ELSE "rateLimit".count + 1 END,
          "lastRequest" = ${BigInt(now)}
          WHERE "rateLimit"."lastRequest" <= ${BigInt(now - windowMs)} OR "rateLimit".count < ${rule.max}`;
      // The wait is at most a window (better-auth's X-Retry-After).
      return allowed > 0 ? { allowed: true, retryAfter: null } : { allowed: false, retryAfter: rule.window };
    },
  };
}

/**
 * Deletes every row whose lastRequest is before `cutoff`. The sign-in limit's rows
 * (sign-in-limit.ts) hold when they stop mattering, so they go only once they have.
 */
async function pruneRows(prisma: PrismaClient, cutoff: number): Promise<void> {
  try {
    await prisma.rateLimit.deleteMany({ where: { lastRequest: { lt: BigInt(cutoff) } } });
  } catch (error) {
    // The limit itself still holds; the rows wait for the next prune.
    log().warn({ component: "auth", err: error }, "could not prune rate-limit rows");
  }
}
