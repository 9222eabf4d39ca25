import "server-only";
import { z } from "zod";
import { ApiError } from "@/lib/errors";
import { hasRole, type Member, type Role } from "@/lib/auth/member";
import { lockActingMember } from "@/lib/api/team/lock-acting-member";
import { invitableRoles, type InvitableRole } from "@/lib/api/team/team-policy";
import { hashLinkToken, newLinkToken } from "@/lib/auth/link-token";
import { db } from "@/lib/db/client";

const MAX_INVITE_HOURS = 720;
const DEFAULT_INVITE_HOURS = 72;

export const createInviteSchema = z.strictObject({
  role: z.enum(["admin", "member"], { error: "The role must be admin or member." }),
  expiresInHours: z
    .number({ error: "The expiry must be a number of hours." })
    .int({ error: "The expiry must be a whole number of hours." })
    .min(1, { error: "An invite lasts at least 1 hour." })
    .max(MAX_INVITE_HOURS, { error: `An invite lasts at most ${MAX_INVITE_HOURS} hours (30 days).` })
    .default(DEFAULT_INVITE_HOURS),
});

export type CreatedInvite = { id: string; url: string; role: Role; expiresAt: string };

/**
 * A single-use invite link. Its URL carries the token and is answered this once: the database
 * keeps only the token's hash, so nobody (not even an admin) can show the link again.
 */
export async function createInvite(
  { role, expiresInHours }: z.output<typeof createInviteSchema>,
  actor: Member,
  origin: string,
): Promise<CreatedInvite> {
  assertMayInvite(actor, role);
  const token = newLinkToken();
  const prisma = await db();
  const invite = await prisma.$transaction(async (tx) => {
    // Checked again on the locked account: an admin removed or demoted meanwhile invites no one.
    const current = await lockActingMember(tx, actor);
    if (!hasRole({ ...actor, role: current }, "admin")) throw new ApiError("forbidden", "This needs the admin role.");
    assertMayInvite({ ...actor, role: current }, role);
    return tx.invite.create({
      data: { tokenHash: hashLinkToken(token), role, createdById: actor.id, expiresAt: new Date(Date.now() + expiresInHours * 3_600_000) },
      select: { id: true, role: true, expiresAt: true },
    });
  });
  return { id: invite.id, url: `${origin}/sign-up?invite=${token}`, role: invite.role, expiresAt: invite.expiresAt.toISOString() };
}

function assertMayInvite(actor: Member, role: InvitableRole): void {
  if (invitableRoles(actor).includes(role)) return;
  throw new ApiError("forbidden", "Only the owner can invite admins. Invite a member; the owner can make them an admin later.", {
    role: ["Only the owner can invite admins."],
  });
}
