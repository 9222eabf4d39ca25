import "server-only";
import { APIError } from "better-auth/api";
import type { PrismaClient, Role } from "@/lib/db/generated/client";
import { ensureStudioSettings } from "./studio-settings";
import { hashLinkToken } from "./link-token";

// Who may create an account, and as what: the first account of a fresh studio becomes its
// owner; after that, sign-up needs an unused invite link (which carries the role), unless
// the owner has opened sign-up to anyone (as members).

const INVITE_ONLY = "This studio is invite-only. Ask its owner or an admin for an invite link.";

/**
 * Refuses (403) a sign-up the policy will not allow, before better-auth looks the email up,
 * so an invite-only studio does not tell strangers which emails have accounts. Claims nothing:
 * roleForNewAccount does that atomically when the account is created.
 */
export async function assertMaySignUp(prisma: PrismaClient, body: unknown): Promise<void> {
  if (!(await studioHasOwnerClaim(prisma))) return;
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

/** The role of an account about to be created from this sign-up body; refuses with 403. */
export async function roleForNewAccount(prisma: PrismaClient, body: unknown): Promise<Role> {
  if (await claimOwnership(prisma)) return "owner";
  const token = inviteTokenOf(body);
  if (token) {
    const role = await claimInvite(prisma, token, emailOf(body));
    if (role) return role;
    throw new APIError("FORBIDDEN", { message: await inviteRefusal(prisma, token) });
  }
  if (await openSignUp(prisma)) return "member";
  throw new APIError("FORBIDDEN", { message: INVITE_ONLY });
}

async function studioHasOwnerClaim(prisma: PrismaClient): Promise<boolean> {
  const settings = await prisma.studioSettings.findUnique({ where: { id: 1 }, select: { ownerClaimedAt: true } });
  return Boolean(settings?.ownerClaimedAt);
}

async function openSignUp(prisma: PrismaClient): Promise<boolean> {
  const settings = await prisma.studioSettings.findUnique({ where: { id: 1 }, select: { openSignUp: true } });
  return settings?.openSignUp === true;
}

/**
 * Compare-and-set on the settings row, so two first sign-ups cannot both become owner. A
 * claim whose account was never created (a crash between the two) is released after a minute.
 */
async function claimOwnership(prisma: PrismaClient): Promise<boolean> {
  await ensureStudioSettings(prisma);
  const claimed = await prisma.$executeRaw`
    UPDATE "StudioSettings" SET "ownerClaimedAt" = now()
    WHERE id = 1 AND ("ownerClaimedAt" IS NULL OR ("ownerClaimedAt" < now() - interval '1 minute'
      AND NOT EXISTS (SELECT 1 FROM "user" WHERE role = 'owner')))`;
  return claimed === 1;
}

/** Uses the invite once, atomically: two sign-ups with the same link cannot both pass. */
async function claimInvite(prisma: PrismaClient, token: string, email: string | undefined): Promise<Role | null> {
  const rows = await prisma.$queryRaw<{ role: Role }[]>`
    UPDATE "Invite" SET "usedAt" = now(), "usedByEmail" = ${email ?? null}
    WHERE "tokenHash" = ${hashLinkToken(token)} AND "usedAt" IS NULL AND "revokedAt" IS NULL AND "expiresAt" > now()
    RETURNING role`;
  return rows[0]?.role ?? null;
}

/** Why an invite link could not be claimed, in words that tell its holder what to do next. */
async function inviteRefusal(prisma: PrismaClient, token: string): Promise<string> {
  const invite = await prisma.invite.findUnique({ where: { tokenHash: hashLinkToken(token) }, select: { usedAt: true, revokedAt: true } });
  if (!invite) return "This invite link is not valid. Check that you copied all of it, or ask for a new one.";
  if (invite.usedAt) return "This invite link has already been used: each link creates one account. Sign in, or ask for a new link.";
  if (invite.revokedAt) return "This invite link was revoked. Ask the studio's owner or an admin for a new one.";
  return "This invite link has expired. Ask the studio's owner or an admin for a new one.";
}

function inviteTokenOf(body: unknown): string | undefined {
  const token = (body as { inviteToken?: unknown } | undefined)?.inviteToken;
  return typeof token === "string" && token.length > 0 ? token : undefined;
}

function emailOf(body: unknown): string | undefined {
  const email = (body as { email?: unknown } | undefined)?.email;
  return typeof email === "string" ? email.toLowerCase() : undefined;
}
