import "server-only";
import { createHash } from "node:crypto";
import { APIError } from "better-auth/api";
import type { PrismaClient } from "@/lib/db/generated/client";

// better-auth limits sign-in attempts per client IP, which a client can disguise (the IP comes
// from X-Forwarded-For). This second limit counts attempts per account email, whatever the IP:
// password guessing against one account stays slow. Kept in PostgreSQL, shared by instances.

// Above the per-IP limit, so one person mistyping from one place meets that one first.
export const SIGN_IN_ATTEMPTS_PER_EMAIL = 20;
const WINDOW_MS = 60_000;

/** Counts one sign-in attempt for `email`; refuses (429) past the limit in the window. */
export async function limitSignInAttempts(prisma: PrismaClient, email: unknown): Promise<void> {
  if (typeof email !== "string") return;
  const key = `sign-in-email:${createHash("sha256").update(email.trim().toLowerCase()).digest("hex")}`;
  const now = BigInt(Date.now());
  const windowStart = now - BigInt(WINDOW_MS);
  // One atomic upsert: a new window starts once the last one has passed.
  const [row] = await prisma.$queryRaw<{ count: number }[]>`
    INSERT INTO "rateLimit" (id, key, count, "lastRequest") VALUES (gen_random_uuid()::text, ${key}, 1, ${now})
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN "rateLimit"."lastRequest" < ${windowStart} THEN 1 ELSE "rateLimit".count + 1 END,
      "lastRequest" = CASE WHEN "rateLimit"."lastRequest" < ${windowStart} THEN ${now} ELSE "rateLimit"."lastRequest" END
    RETURNING count`;
  if (row && row.count > SIGN_IN_ATTEMPTS_PER_EMAIL) {
    throw new APIError("TOO_MANY_REQUESTS", { message: "Too many sign-in attempts for this account. Wait a minute, then try again." });
  }
}
