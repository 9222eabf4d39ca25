// The share dialog's calls to the studio's API (browser side).
import type { NewShareLink } from "@/lib/api/shares/create-share-link";
import type { ShareLinkView } from "@/lib/api/shares/share-link-view";
import { fetchJson } from "@/lib/client/fetch-json";

export const shareLinksKey = (trackId: string) => ["share-links", trackId] as const;

export async function fetchShareLinks(trackId: string, signal?: AbortSignal): Promise<ShareLinkView[]> {
  return (await fetchJson<{ links: ShareLinkView[] }>(`/api/tracks/${encodeURIComponent(trackId)}/shares`, { signal })).links;
}

/** `expiresInHours` null: the link never expires. */
export const createShareLink = (trackId: string, expiresInHours: number | null) =>
  fetchJson<NewShareLink>(`/api/tracks/${encodeURIComponent(trackId)}/shares`, {
    method: "POST",
    body: JSON.stringify({ expiresInHours }),
  });

export const revokeShareLink = (id: string) =>
  fetchJson<{ id: string; revokedAt: string }>(`/api/shares/${encodeURIComponent(id)}`, { method: "DELETE" });
