import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { createAuthMiddleware, getSessionFromCtx, isAPIError } from "better-auth/api";
import { studioOrigin, studioUrlIsHttps } from "@/lib/auth/same-origin";
import { db } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/db/generated/client";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { processSingleton } from "@/lib/process-singleton";
import { rememberingTransactions } from "./account-transaction";
import { authSecret } from "./auth-secret";
import { rateLimitStorage } from "./rate-limit-storage";
import { BETTER_AUTH_SIGN_IN_WARNINGS, checksPassword, clientAddress, holdPasswordCheck, settleAuthRequest } from "./sign-in-limit";
import { assertMaySignUp, roleForNewAccount } from "./sign-up-policy";

// Accounts are better-auth's (email + password, http-only session cookies, password change),
// on the studio's own PostgreSQL through Prisma. The studio adds one rule to sign-up: who may
// create an account, and with which role (sign-up-policy.ts).

export const MIN_PASSWORD_LENGTH = 10;

/** Sign-in attempts per client IP and minute (and wrong passwords per account: sign-in-limit.ts). */
export const SIGN_IN_ATTEMPTS_PER_MINUTE = 10;

// What the studio's pages use of better-auth: sign-up/email, sign-in/email, sign-out,
// get-session and change-password. Every other endpoint better-auth serves answers 404:
// each is one more way in (verify-password checks a password for a stolen session cookie,
// update-user stores any image URL, the session and account endpoints act on a session).
// The studio's own code calls better-auth directly (auth().api), which this does not limit.
export const DISABLED_AUTH_PATHS = [
  "/account-info",
  "/change-email",
  "/delete-user",
  "/delete-user/callback",
  "/error",
  "/get-access-token",
  "/link-social",
  "/list-accounts",
  "/list-sessions",
  "/ok",
  "/refresh-token",
  "/request-password-reset",
  "/reset-password",
  "/revoke-other-sessions",
  "/revoke-session",
  "/revoke-sessions",
  "/send-verification-email",
  "/set-password",
  "/sign-in/social",
  "/unlink-account",
  "/update-session",
  "/update-user",
  "/verify-email",
  "/verify-password",
];

// better-auth's warning, once per instance, that it has no fixed base URL.
const BASE_URL_NOT_SET = "[better-auth] Base URL is not set";

function createAuth(prisma: PrismaClient, secret: string) {
  return betterAuth({
    appName: "Venice Studio",
    secret,
    // STUDIO_URL when set; else better-auth takes each request's own origin, which the front
    // door has already checked (scripts/front-door.mjs: the studio's hosts only). Its warning
    // about that becomes one debug line (logger below).
    baseURL: env().STUDIO_URL,
    basePath: "/api/auth",
    disabledPaths: DISABLED_AUTH_PATHS,
    // The same rule as every other state-changing route (same-origin.ts).
    trustedOrigins: (request) => (request ? [studioOrigin(request)] : []),
    // The sign-up policy claims invites inside the transaction that creates the account.
    database: prismaAdapter(rememberingTransactions(prisma), { provider: "postgresql", transaction: true }),
    emailAndPassword: { enabled: true, minPasswordLength: MIN_PASSWORD_LENGTH, autoSignIn: true },
    user: {
      additionalFields: {
        // Set by the sign-up policy only: a sign-up body cannot choose its role.
        role: { type: "string", input: false, required: false, defaultValue: "member" },
      },
    },
    hooks: {
      before: createAuthMiddleware(async (context) => {
        if (context.path === "/sign-up/email") await assertMaySignUp(prisma, context.body, secret);
        if (checksPassword(context.path)) await holdPasswordCheck(prisma, context, { email: await accountEmail(context), ip: clientAddress(context) });
        // A new password signs the member's other devices out, whatever the client asked.
        if (context.path === "/change-password") return { context: { body: { ...context.body, revokeOtherSessions: true } } };
      }),
      after: createAuthMiddleware((context) => settleAuthRequest(prisma, context)),
    },
    databaseHooks: {
      user: {
        create: {
          before: async (user, context) => ({
            data: { ...user, role: await roleForNewAccount(context?.body, secret) },
          }),
        },
      },
    },
    // Kept in the database so every instance counts the same attempts (rate-limit-storage.ts).
    rateLimit: {
      enabled: true,
      customStorage: rateLimitStorage(prisma),
      window: 60,
      max: 100,
      customRules: {
        "/sign-in/email": { window: 60, max: SIGN_IN_ATTEMPTS_PER_MINUTE },
        "/sign-up/email": { window: 60, max: SIGN_IN_ATTEMPTS_PER_MINUTE },
        "/change-password": { window: 60, max: SIGN_IN_ATTEMPTS_PER_MINUTE },
      },
    },
    // better-auth skips its origin check under NODE_ENV=test; the studio's tests mean to see it.
    advanced: {
      disableOriginCheck: false,
      // Secure cookies by STUDIO_URL's scheme, not (better-auth's default) whenever NODE_ENV is
      // production: a browser drops a Secure cookie over plain HTTP, so nobody could sign in to a
      // LAN studio. Over HTTPS through a trusted proxy, app/api/auth/[...all] adds Secure itself.
      useSecureCookies: studioUrlIsHttps(),
      // Without trusted proxies better-auth believes only a single-address X-Forwarded-For.
      ipAddress: { trustedProxies: env().TRUSTED_PROXIES },
    },
    telemetry: { enabled: false },
    // Into the studio's JSON logs (which scrub secrets), not better-auth's coloured console.
    // A refused sign-up or a wrong password is the creator's mistake, not the server's: better-
    // auth would print every such refusal at ERROR on the console, outside the studio's logs.
    onAPIError: {
      onError: (error) => {
        if (isAPIError(error) && error.statusCode < 500) log().debug({ component: "better-auth", status: error.statusCode }, error.message);
        else log().error({ component: "better-auth", err: error }, "auth request failed");
      },
    },
    logger: {
      level: "warn",
      log: (level, message, ...args) => {
        if (message.startsWith(BASE_URL_NOT_SET)) return log().debug({ component: "better-auth" }, "STUDIO_URL is not set: auth URLs are derived from each request");
        log()[BETTER_AUTH_SIGN_IN_WARNINGS.has(message) ? "debug" : level]({ component: "better-auth", ...(args.length > 0 && { details: args }) }, message);
      },
    },
  });
}

/** The account whose password a sign-in or a password change checks: the one named, or the one signed in. */
async function accountEmail(context: Parameters<typeof getSessionFromCtx>[0]): Promise<unknown> {
  if (context.path !== "/change-password") return (context.body as { email?: unknown } | undefined)?.email;
  return (await getSessionFromCtx(context))?.user.email;
}

export type Auth = ReturnType<typeof createAuth>;

/** The studio's better-auth instance, once the database is up. */
export function auth(): Promise<Auth> {
  return processSingleton("auth", async () => {
    const prisma = await db();
    return createAuth(prisma, await authSecret(prisma));
  });
}
