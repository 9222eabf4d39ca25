import type { Member } from "@/lib/auth/member";
import { mayRevokeShareLink } from "@/lib/api/shares/share-link-policy";

// What the studio shows of a share link to its members: never the token (only its hash is
// stored, and the link is shown once, when it is made).

export type ShareLinkStatus = "active" | "expired" | "revoked";

export type ShareLinkView = {
  id: string;
  createdBy: { id: string; name: string };
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  status: ShareLinkStatus;
  /** Whether the viewer may revoke it: the link's creator, the track's creator, or an admin. */
  canRevoke: boolean;
};

type ShareLinkRow = { id: string; createdById: string; createdAt: Date; expiresAt: Date | null; revokedAt: Date | null };

export function toShareLinkView(
  link: ShareLinkRow,
  { viewer, trackCreatorId, creatorName, now }: { viewer: Member; trackCreatorId: string; creatorName: string; now: Date },
): ShareLinkView {
  const status: ShareLinkStatus = link.revokedAt ? "revoked" : link.expiresAt && link.expiresAt <= now ? "expired" : "active";
  return {
    id: link.id,
    createdBy: { id: link.createdById, name: creatorName },
    createdAt: link.createdAt.toISOString(),
    expiresAt: link.expiresAt?.toISOString() ?? null,
    revokedAt: link.revokedAt?.toISOString() ?? null,
    status,
    canRevoke: mayRevokeShareLink(viewer, link.createdById, trackCreatorId),
  };
}
