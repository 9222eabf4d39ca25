import "server-only";
import { APIError } from "better-auth/api";
import { db } from "@/lib/db/client";
import type { Prisma, PrismaClient, Role } from "@/lib/db/generated/client";
import { log } from "@/lib/log";
import { accountTransaction } from "./account-transaction";
import { authSecret } from "./auth-secret";
import { hashLinkToken } from "./link-token";
import { isOwnerSetupCode, ownerSetupCode } from "./setup-code";

// Who may create an account, and as what: the first account of a fresh studio becomes its
// owner, given the setup code from the start-up log; after that, sign-up needs an unused
// invite link (which carries the role), unless the owner has opened sign-up to anyone (as
// members).

const INVITE_ONLY = "This studio is invite-only. Ask its owner or an admin for an invite link.";
const SETUP_CODE_NEEDED =
  "Creating the studio's owner account needs the setup code printed in the studio's start-up log (with a sign-up link that fills it in). Check the code and try again.";

type Db = PrismaClient | Prisma.TransactionClient;

/**
 * Refuses (403) a sign-up the policy will not allow, before better-auth looks the email up,
 * so an invite-only studio does not tell strangers which emails have accounts. Claims nothing:
 * roleForNewAccount does that in the transaction that creates the account.
 */
export async function assertMaySignUp(prisma: PrismaClient, body: unknown, secret: string): Promise<void> {
  if (!(await hasOwner(prisma))) {
    if (!isOwnerSetupCode(secret, setupCodeOf(body))) throw new APIError("FORBIDDEN", { message: SETUP_CODE_NEEDED });
    return;
  }
  const token = inviteTokenOf(body);
  if (token) {
    const usable = await prisma.invite.count({
      where: { tokenHash: hashLinkToken(token), usedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    });
    if (usable === 0) throw new APIError("FORBIDDEN", { message: await inviteRefusal(prisma, token) });
    return;
  }
  if (!(await openSignUp(prisma))) throw new APIError("FORBIDDEN", { message: INVITE_ONLY });
}

/**
 * The role of an account about to be created from this sign-up body; refuses with 403. Runs
 * inside better-auth's transaction for the account, so a claimed invite or ownership is given
 * back if the account is not created after all.
 */
export async function roleForNewAccount(body: unknown, secret: string): Promise<Role> {
  const tx = accountTransaction();
  if (isOwnerSetupCode(secret, setupCodeOf(body)) && (await claimOwnership(tx))) return "owner";
  const token = inviteTokenOf(body);
  if (token) {
    const role = await claimInvite(tx, token, emailOf(body));
    if (role) return role;
    throw new APIError("FORBIDDEN", { message: await inviteRefusal(tx, token) });
  }
  if (await openSignUp(tx)) return "member";
  throw new APIError("FORBIDDEN", { message: INVITE_ONLY });
}

/** Whether the studio's first account (its owner) exists yet. */
export async function hasOwner(prisma: Db): Promise<boolean> {
  return (await prisma.user.count({ where: { role: "owner" } })) > 0;
}

/** At start-up, while the studio has no owner: its setup code and a local sign-up link carrying it. */
export async function announceOwnerSetup(): Promise<void> {
  const prisma = await db();
  if (await hasOwner(prisma)) return;
  const code = ownerSetupCode(await authSecret(prisma));
  const url = `http://localhost:${process.env.PORT || 3000}/sign-up?setup=${code}`;
  log().info({ setupUrl: url }, `No owner yet: create the studio's owner account with setup code ${code}`);
  // Also plainly, for whoever reads the terminal rather than the JSON logs.
  console.log(`\nThis studio has no owner yet. Create the owner account at ${url}\n(setup code ${code})\n`);
}

async function openSignUp(prisma: Db): Promise<boolean> {
  const settings = await prisma.studioSettings.findUnique({ where: { id: 1 }, select: { openSignUp: true } });
  return settings?.openSignUp === true;
}

/**
 * Compare-and-set on the settings row, so two first sign-ups cannot both become owner: the
 * second waits for the first's transaction and then finds the row claimed. A claim left
 * without an owner (by a version that claimed outside the account's transaction) is taken
 * over after a minute.
 */
async function claimOwnership(tx: Prisma.TransactionClient): Promise<boolean> {
  const claimed = await tx.$executeRaw`
    UPDATE "StudioSettings" SET "ownerClaimedAt" = now()
    WHERE id = 1 AND ("ownerClaimedAt" IS NULL OR ("ownerClaimedAt" < now() - interval '1 minute'
      AND NOT EXISTS (SELECT 1 FROM "user" WHERE role = 'owner')))`;
  return claimed === 1;
}

/** Uses the invite once, atomically: two sign-ups with the same link cannot both pass. */
async function claimInvite(tx: Prisma.TransactionClient, token: string, email: string | undefined): Promise<Role | null> {
  const rows = await tx.$queryRaw<{ role: Role }[]>`
    UPDATE "Invite" SET "usedAt" = now(), "usedByEmail" = ${email ?? null}
    WHERE "tokenHash" = ${hashLinkToken(token)} AND "usedAt" IS NULL AND "revokedAt" IS NULL AND "expiresAt" > now()
    RETURNING role`;
  return rows[0]?.role ?? null;
}

/** Why an invite link could not be claimed, in words that tell its holder what to do next. */
async function inviteRefusal(prisma: Db, token: string): Promise<string> {
  const invite = await prisma.invite.findUnique({ where: { tokenHash: hashLinkToken(token) }, select: { usedAt: true, revokedAt: true } });
  if (!invite) return "This invite link is not valid. Check that you copied all of it, or ask for a new one.";
  if (invite.usedAt) return "This invite link has already been used: each link creates one account. Sign in, or ask for a new link.";
  if (invite.revokedAt) return "This invite link was revoked. Ask the studio's owner or an admin for a new one.";
  return "This invite link has expired. Ask the studio's owner or an admin for a new one.";
}

function inviteTokenOf(body: unknown): string | undefined {
  return stringField(body, "inviteToken");
}

function setupCodeOf(body: unknown): string | undefined {
  return stringField(body, "setupCode");
}

function emailOf(body: unknown): string | undefined {
  return stringField(body, "email")?.toLowerCase();
}

function stringField(body: unknown, name: string): string | undefined {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === "string" && value.length > 0 ? value : undefined;
}
