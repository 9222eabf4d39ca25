import type { Member } from "@/lib/api/member";

/**
 * How the studio names a creator to `viewer`: "You" for their own work, otherwise the member's
 * display name. Until accounts arrive the only member is the local owner, so there is no
 * directory to look other names up in and an unknown creator shows as their id.
 */
export function creatorName(creatorId: string, viewer: Member): string {
  return creatorId === viewer.id ? "You" : creatorId;
}
