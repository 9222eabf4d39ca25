// The share dialog's calls to the studio's API (browser side).
import type { NewShareLink } from "@/lib/api/shares/create-share-link";
import type { ShareLinksPage } from "@/lib/api/shares/list-share-links";
import { fetchJson } from "@/lib/browser/fetch-json";

export const shareLinksKey = (trackId: string) => ["share-links", trackId] as const;

const PAGE_SIZE = 25;

/** One page of a track's links, newest first; `cursor` null for the first. */
export async function fetchShareLinksPage(trackId: string, cursor: string | null, signal?: AbortSignal): Promise<ShareLinksPage> {
  const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (cursor) params.set("cursor", cursor);
  return fetchJson<ShareLinksPage>(`/api/tracks/${encodeURIComponent(trackId)}/shares?${params}`, { signal });
}

/** `expiresInHours` null: the link never expires. */
export const createShareLink = (trackId: string, expiresInHours: number | null) =>
  fetchJson<NewShareLink>(`/api/tracks/${encodeURIComponent(trackId)}/shares`, {
    method: "POST",
    body: JSON.stringify({ expiresInHours }),
  });

export const revokeShareLink = (id: string) =>
  fetchJson<{ id: string; revokedAt: string }>(`/api/shares/${encodeURIComponent(id)}`, { method: "DELETE" });
