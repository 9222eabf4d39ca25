import { route } from "@/lib/api/route";
import { revokeShareLink } from "@/lib/api/shares/revoke-share-link";

export const dynamic = "force-dynamic";

/** Revokes a share link → `{ id, revokedAt }`: for whoever made it, the track's creator or an admin. */
export const DELETE = route<{ id: string }>(({ params, member }) => revokeShareLink(params.id, member));
