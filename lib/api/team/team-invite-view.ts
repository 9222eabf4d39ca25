import type { Role } from "@/lib/auth/member";
import type { Prisma } from "@/lib/db/generated/client";

// What the team page shows of an invite link. Never its token: the database only has its hash.

export const teamInviteSelect = {
  id: true,
  role: true,
  createdById: true,
  createdAt: true,
  expiresAt: true,
  usedAt: true,
  usedByEmail: true,
  revokedAt: true,
} satisfies Prisma.InviteSelect;

type TeamInviteRow = Prisma.InviteGetPayload<{ select: typeof teamInviteSelect }>;

export type InviteStatus = "pending" | "used" | "revoked" | "expired";

export type TeamInvite = {
  id: string;
  role: Role;
  status: InviteStatus;
  createdBy: { id: string; name: string };
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  usedByEmail: string | null;
  revokedAt: string | null;
};

export function toTeamInvite(row: TeamInviteRow, createdByName: string, now = new Date()): TeamInvite {
  const status: InviteStatus = row.usedAt ? "used" : row.revokedAt ? "revoked" : row.expiresAt <= now ? "expired" : "pending";
  return {
    id: row.id,
    role: row.role,
    status,
    createdBy: { id: row.createdById, name: createdByName },
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    usedAt: row.usedAt?.toISOString() ?? null,
    usedByEmail: row.usedByEmail,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
