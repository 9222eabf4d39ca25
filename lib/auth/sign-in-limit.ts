import "server-only";
import { createHash } from "node:crypto";
import { APIError, getIP, isAPIError } from "better-auth/api";
import type { BetterAuthOptions } from "better-auth";
import type { PrismaClient } from "@/lib/db/generated/client";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

// Password guessing is limited without handing a stranger a way to lock a member out. Failed
// sign-ins (wrong email or password) are counted per account and client address, and per
// account from anywhere, in PostgreSQL (shared by instances):
// - an address that keeps failing on one account is refused on that account for a while;
//   the member, from their own address, is not;
// - an account failing from many addresses makes each sign-in to it slower, up to a few
//   seconds, but the right password still gets in.
// better-auth also limits every sign-in attempt per client address (auth.ts).

/** Failures on one account from one address, in the window, before that pair is refused. */
export const SIGN_IN_FAILURES_PER_ADDRESS = 10;
/** Failures on one account from anywhere, in the window, before each sign-in to it is slowed. */
const SIGN_IN_FAILURES_BEFORE_DELAY = 10;
export const MAX_SIGN_IN_DELAY_MS = 3_000;
const FIRST_DELAY_MS = 250;
const FAILURE_WINDOW_MS = 15 * 60_000;

const REFUSED = "Too many failed sign-ins to this account from your address. Wait 15 minutes, then try again.";

type SignInAttempt = { email: unknown; ip: string | null };

/** The email and client address of a sign-in, from better-auth's hook context (the address as its own limiter sees it). */
export function signInAttempt(context: { body?: { email?: unknown }; request?: Request; headers?: Headers; context: { options: BetterAuthOptions } }): SignInAttempt {
  const source = context.request ?? context.headers;
  return { email: context.body?.email, ip: source ? getIP(source, context.context.options) : null };
}

/** better-auth's own lines for a wrong email or password: recordSignIn logs each failure once, with more to go on. */
export const BETTER_AUTH_SIGN_IN_WARNINGS = new Set(["User not found", "Password not found", "Invalid password"]);

/** Before a sign-in: refuses (429) an address that failed too often on this account; slows an account under attack. */
export async function holdSignIn(prisma: PrismaClient, attempt: SignInAttempt): Promise<void> {
  const keys = failureKeys(attempt);
  if (!keys) return;
  const [fromAddress, fromAnywhere] = await Promise.all([failuresIn(prisma, keys.pair), failuresIn(prisma, keys.account)]);
  if (fromAddress >= SIGN_IN_FAILURES_PER_ADDRESS) throw new APIError("TOO_MANY_REQUESTS", { code: "TOO_MANY_FAILED_SIGN_INS", message: REFUSED });
  const delay = signInDelayMs(fromAnywhere);
  if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
}

/** The wait before a sign-in to an account that failed `failures` times: doubling, capped. */
function signInDelayMs(failures: number): number {
  const over = failures - SIGN_IN_FAILURES_BEFORE_DELAY;
  return over <= 0 ? 0 : Math.min(MAX_SIGN_IN_DELAY_MS, FIRST_DELAY_MS * 2 ** (over - 1));
}

/**
 * After a sign-in: a wrong email or password is counted and logged (the address and the
 * account, never the password); a success forgets this address's failures on the account.
 */
export async function recordSignIn(prisma: PrismaClient, attempt: SignInAttempt, outcome: { returned: unknown; signedIn: boolean }): Promise<void> {
  const keys = failureKeys(attempt);
  if (!keys) return;
  if (outcome.signedIn) {
    await prisma.rateLimit.deleteMany({ where: { key: keys.pair } });
    return;
  }
  if (!isAPIError(outcome.returned) || outcome.returned.body?.code !== "INVALID_EMAIL_OR_PASSWORD") return;
  const [, failures] = await Promise.all([countFailure(prisma, keys.pair), countFailure(prisma, keys.account)]);
  log().warn({ component: "auth", ip: attempt.ip, ...accountForLog(keys.email), failures }, "sign-in failed: wrong email or password");
}

function failureKeys({ email, ip }: SignInAttempt): { email: string; account: string; pair: string } | null {
  if (typeof email !== "string" || email.length === 0) return null;
  // better-auth looks accounts up by the lower-cased email.
  const normalized = email.toLowerCase();
  const account = `sign-in-failures:${sha256(normalized)}`;
  return { email: normalized, account, pair: `${account}:${ip ?? "unknown-address"}` };
}

/** The account in a log line: its email's sha256 unless LOG_SIGN_IN_EMAILS=plain. */
function accountForLog(email: string): { email: string } | { emailSha256: string } {
  return env().LOG_SIGN_IN_EMAILS === "plain" ? { email } : { emailSha256: sha256(email) };
}

async function failuresIn(prisma: PrismaClient, key: string): Promise<number> {
  const row = await prisma.rateLimit.findUnique({ where: { key }, select: { count: true, lastRequest: true } });
  return row && row.lastRequest >= BigInt(Date.now() - FAILURE_WINDOW_MS) ? row.count : 0;
}

/** One failure more for `key`, atomically; a new window starts once the last one has passed. */
async function countFailure(prisma: PrismaClient, key: string): Promise<number> {
  const now = BigInt(Date.now());
  const windowStart = now - BigInt(FAILURE_WINDOW_MS);
  const [row] = await prisma.$queryRaw<{ count: number }[]>`
    INSERT INTO "rateLimit" (id, key, count, "lastRequest") VALUES (gen_random_uuid()::text, ${key}, 1, ${now})
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN "rateLimit"."lastRequest" < ${windowStart} THEN 1 ELSE "rateLimit".count + 1 END,
      "lastRequest" = CASE WHEN "rateLimit"."lastRequest" < ${windowStart} THEN ${now} ELSE "rateLimit"."lastRequest" END
    RETURNING count`;
  return row?.count ?? 0;
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
