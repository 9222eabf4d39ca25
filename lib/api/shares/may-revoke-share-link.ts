import { canManage, type Member } from "@/lib/auth/member";

/** Who may revoke a share link: whoever made it, the track's creator, or an admin or owner. */
export function mayRevokeShareLink(viewer: Member, linkCreatorId: string, trackCreatorId: string): boolean {
  return canManage(viewer, linkCreatorId) || canManage(viewer, trackCreatorId);
}
