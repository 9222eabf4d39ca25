import "server-only";
import { createHash } from "node:crypto";
import { APIError, getIP, isAPIError } from "better-auth/api";
import type { BetterAuthOptions } from "better-auth";
import type { PrismaClient } from "@/lib/db/generated/client";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

// Password guessing is capped without handing a stranger a way to lock a member out. Every
// password check (a sign-in; a password change, which checks the current one) draws from
// budgets in PostgreSQL, shared by instances, BEFORE the password is checked, so parallel
// guesses cannot outrun the count (and a flood is refused before it costs a password hash);
// a success or a request refused for another reason gives its draw back, a wrong password
// keeps it:
// - per account and client address: that address is refused on that account once spent;
// - per account, one budget for every address the account has not signed in from in the last
//   90 days: once spent, new places are refused on that account. The member's known
//   addresses (better-auth's client address: an IPv4 address or an IPv6 /64) never draw
//   from it, so no stranger can lock them out of their usual places.
// better-auth also limits every sign-in attempt per client address (auth.ts).

/** `burst` wrong passwords at once, then one more each `everyMs` (a generic cell rate algorithm). */
type Budget = { burst: number; everyMs: number };

/** 10 at once, then one each 90 s: 10 in 15 minutes on average. */
export const FAILURES_FROM_ONE_ADDRESS: Budget = { burst: 10, everyMs: 90_000 };
/** 5 at once, then one each 4 minutes: at most 20 in any hour, from every new address together. */
export const FAILURES_FROM_NEW_ADDRESSES: Budget = { burst: 5, everyMs: 4 * 60_000 };
const KNOWN_ADDRESS_MS = 90 * 24 * 60 * 60_000;

/** The better-auth endpoints that check a password: the error code of a wrong one, and its log line. */
const PASSWORD_CHECKS: Record<string, { wrongPassword: string; logged: string }> = {
  "/sign-in/email": { wrongPassword: "INVALID_EMAIL_OR_PASSWORD", logged: "sign-in failed: wrong email or password" },
  "/change-password": { wrongPassword: "INVALID_PASSWORD", logged: "password change failed: wrong current password" },
};

export function checksPassword(path: string): boolean {
  return Object.hasOwn(PASSWORD_CHECKS, path);
}

type PasswordCheck = { email: unknown; ip: string | null };
type Keys = { email: string; ip: string | null; fromAddress: string; fromNewAddresses: string; known: string | null };
type Hold = { keys: Keys; known: boolean; failures: { failuresFromAddress: number; failuresFromNewAddresses?: number } };

/** The parts of better-auth's hook context read here. */
type HookContext = {
  path?: string;
  request?: Request;
  headers?: Headers;
  context: { options: BetterAuthOptions; returned?: unknown; newSession?: { user: { email: string } } | null };
};

// What each password check in flight drew, from the before hook to the after hook: better-auth
// hands both hooks the same per-request context object.
const holds = new WeakMap<object, Hold>();

/** The client address as better-auth's own limiter sees it. */
export function clientAddress(context: HookContext): string | null {
  const source = context.request ?? context.headers;
  return source ? getIP(source, context.context.options) : null;
}

/** better-auth's lines for a wrong email or password: the after hook logs each failure once, with more to go on. */
export const BETTER_AUTH_SIGN_IN_WARNINGS = new Set(["User not found", "Password not found", "Invalid password"]);

/**
 * Before a password check: draws from this address's budget on the account and, from an
 * address the account does not know, from the account's budget for new addresses; refuses
 * (429) when either is spent.
 */
export async function holdPasswordCheck(prisma: PrismaClient, context: HookContext, check: PasswordCheck): Promise<void> {
  const keys = keysOf(check);
  if (!keys) return;
  const now = Date.now();
  // One read answers most attempts while a budget is spent (a flood): no write, no wait.
  const rows = await readRows(prisma, [keys.fromAddress, keys.fromNewAddresses, keys.known]);
  const known = keys.known !== null && (rows.get(keys.known) ?? 0) > now;
  if (isSpent(rows.get(keys.fromAddress), FAILURES_FROM_ONE_ADDRESS, now)) throw refusedFromAddress();
  if (!known && isSpent(rows.get(keys.fromNewAddresses), FAILURES_FROM_NEW_ADDRESSES, now)) throw refusedFromNewAddress();

  const fromAddress = await draw(prisma, keys.fromAddress, FAILURES_FROM_ONE_ADDRESS);
  if (fromAddress === null) throw refusedFromAddress();
  let fromNewAddresses: number | undefined;
  if (!known) {
    const drawn = await draw(prisma, keys.fromNewAddresses, FAILURES_FROM_NEW_ADDRESSES);
    if (drawn === null) {
      await giveBack(prisma, keys.fromAddress, FAILURES_FROM_ONE_ADDRESS);
      throw refusedFromNewAddress();
    }
    fromNewAddresses = drawn;
  }
  holds.set(context.context, { keys, known, failures: { failuresFromAddress: fromAddress, failuresFromNewAddresses: fromNewAddresses } });
}

/**
 * After a better-auth request: a password check's draws are settled (a wrong password keeps
 * them and is logged with the address and the account, never the password; a success gives
 * them back, forgets this address's failures and makes the address known); a sign-up that
 * signed its new member in makes their address known too.
 */
export async function settleAuthRequest(prisma: PrismaClient, context: HookContext): Promise<void> {
  if (context.path === "/sign-up/email") {
    const email = context.context.newSession?.user.email;
    const keys = email ? keysOf({ email, ip: clientAddress(context) }) : null;
    if (keys) await rememberAddress(prisma, keys);
    return;
  }
  const hold = holds.get(context.context);
  if (!hold) return;
  holds.delete(context.context);
  const { keys, known } = hold;
  const returned = context.context.returned;
  const check = PASSWORD_CHECKS[context.path ?? ""];
  if (!isAPIError(returned)) {
    await Promise.all([
      prisma.rateLimit.deleteMany({ where: { key: keys.fromAddress } }),
      known ? undefined : giveBack(prisma, keys.fromNewAddresses, FAILURES_FROM_NEW_ADDRESSES),
      rememberAddress(prisma, keys),
    ]);
  } else if (check && returned.body?.code === check.wrongPassword) {
    log().warn({ component: "auth", ip: keys.ip, ...accountForLog(keys.email), knownAddress: known, ...hold.failures }, check.logged);
  } else {
    // Refused before the password was checked (a malformed body, no session): no guess.
    await Promise.all([
      giveBack(prisma, keys.fromAddress, FAILURES_FROM_ONE_ADDRESS),
      known ? undefined : giveBack(prisma, keys.fromNewAddresses, FAILURES_FROM_NEW_ADDRESSES),
    ]);
  }
}

function refusedFromAddress(): APIError {
  return new APIError("TOO_MANY_REQUESTS", {
    code: "TOO_MANY_FAILED_SIGN_INS",
    message: `Too many wrong passwords for this account from your address. Wait ${minutesToRefill(FAILURES_FROM_ONE_ADDRESS)} minutes, then try again.`,
  });
}

function refusedFromNewAddress(): APIError {
  return new APIError("TOO_MANY_REQUESTS", {
    code: "TOO_MANY_FAILED_SIGN_INS",
    message:
      "Too many wrong passwords for this account from devices and networks it has not signed in from. " +
      `Sign in from a device or network you have signed in from before, or wait ${minutesToRefill(FAILURES_FROM_NEW_ADDRESSES)} minutes.`,
  });
}

/** The longest wait, once a budget is spent, until it can be drawn from again. */
function minutesToRefill(budget: Budget): number {
  return Math.ceil(budget.everyMs / 60_000);
}

function keysOf({ email, ip }: PasswordCheck): Keys | null {
  if (typeof email !== "string" || email.length === 0) return null;
  // better-auth looks accounts up by the lower-cased email.
  const normalized = email.toLowerCase();
  const pair = sha256(`${normalized}\n${ip ?? "unknown-address"}`);
  return {
    email: normalized,
    ip,
    fromAddress: `sign-in-failures:${pair}`,
    fromNewAddresses: `sign-in-failures-from-new-addresses:${sha256(normalized)}`,
    // An address nobody can see is never known.
    known: ip === null ? null : `sign-in-known-address:${pair}`,
  };
}

/** The account in a log line: its email's sha256 unless LOG_SIGN_IN_EMAILS=plain. */
function accountForLog(email: string): { email: string } | { emailSha256: string } {
  return env().LOG_SIGN_IN_EMAILS === "plain" ? { email } : { emailSha256: sha256(email) };
}

// The rows live in better-auth's "rateLimit" table, where lastRequest here holds when the row
// stops mattering (a budget full again, a known address forgotten): rows whose lastRequest is
// older than better-auth's longest window (a minute) are deleted (rate-limit-storage.ts), so a
// row holding a past time would be forgotten within a minute.

async function readRows(prisma: PrismaClient, keys: (string | null)[]): Promise<Map<string, number>> {
  const rows = await prisma.rateLimit.findMany({ where: { key: { in: keys.filter((key) => key !== null) } }, select: { key: true, lastRequest: true } });
  return new Map(rows.map((row) => [row.key, Number(row.lastRequest)]));
}

/** Whether one more draw from a budget that is full again at `fullAt` would overdraw it. */
function isSpent(fullAt: number | undefined, budget: Budget, now: number): boolean {
  return fullAt !== undefined && Math.max(fullAt, now) + budget.everyMs > now + budget.burst * budget.everyMs;
}

/**
 * One draw from `key`'s budget, atomically (the row holds when the budget is full again; each
 * draw moves that on by `everyMs`, up to `burst` of them ahead of now): the draws now
 * outstanding, or null when it is spent.
 */
async function draw(prisma: PrismaClient, key: string, budget: Budget): Promise<number | null> {
  const now = Date.now();
  const every = BigInt(budget.everyMs);
  const [row] = await prisma.$queryRaw<{ fullAt: bigint }[]>`
    INSERT INTO "rateLimit" (id, key, count, "lastRequest") VALUES (gen_random_uuid()::text, ${key}, 0, ${BigInt(now) + every})
    ON CONFLICT (key) DO UPDATE SET "lastRequest" = GREATEST("rateLimit"."lastRequest", ${BigInt(now)}) + ${every}
      WHERE GREATEST("rateLimit"."lastRequest", ${BigInt(now)}) + ${every} <= ${BigInt(now + budget.burst * budget.everyMs)}
    RETURNING "lastRequest" AS "fullAt"`;
  return row ? Math.ceil((Number(row.fullAt) - now) / budget.everyMs) : null;
}

async function giveBack(prisma: PrismaClient, key: string, budget: Budget): Promise<void> {
  await prisma.$executeRaw`UPDATE "rateLimit" SET "lastRequest" = "lastRequest" - ${BigInt(budget.everyMs)} WHERE key = ${key}`;
}

/** This address is known for the account for the next 90 days. */
async function rememberAddress(prisma: PrismaClient, keys: Keys): Promise<void> {
  if (keys.known === null) return;
  await prisma.$executeRaw`
    INSERT INTO "rateLimit" (id, key, count, "lastRequest") VALUES (gen_random_uuid()::text, ${keys.known}, 0, ${BigInt(Date.now() + KNOWN_ADDRESS_MS)})
    ON CONFLICT (key) DO UPDATE SET "lastRequest" = EXCLUDED."lastRequest"`;
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
