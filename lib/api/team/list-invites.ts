import "server-only";
import type { Member } from "@/lib/auth/member";
import { teamInviteSelect, toTeamInvite, type TeamInvite } from "@/lib/api/team/team-invite-view";
import { creatorNames } from "@/lib/api/tracks/creator-name";
import { db } from "@/lib/db/client";

/** Used, revoked and expired invites stay listed this long, so the team can see who joined by which link. */
const RECENT_DAYS = 30;
const MAX_INVITES = 100;

/** Every invite that can still be used, and the recent ones that can't, newest first. */
export async function listInvites(viewer: Member): Promise<{ invites: TeamInvite[] }> {
  const prisma = await db();
  const now = new Date();
  const rows = await prisma.invite.findMany({
    where: {
      OR: [
        { usedAt: null, revokedAt: null, expiresAt: { gt: now } },
        { createdAt: { gt: new Date(now.getTime() - RECENT_DAYS * 86_400_000) } },
      ],
    },
    select: teamInviteSelect,
    orderBy: { createdAt: "desc" },
    take: MAX_INVITES,
  });
  const names = await creatorNames(
    rows.map((row) => row.createdById),
    viewer,
  );
  return { invites: rows.map((row) => toTeamInvite(row, names.get(row.createdById)!, now)) };
}
