import { fetchJson } from "@/lib/browser/fetch-json";

// The studio page's reads of tracks (browser side), as GET /api/tracks and /api/tracks/:id
// answer them (TrackView, lib/api/tracks/track-view.ts), as far as this page uses them. A
// StudioTrack is also what the player plays (PlayerTrack).

export type StudioTrack = {
  id: string;
  generationId: string;
  batchId: string;
  takeNumber: number;
  takeCount: number;
  title: string;
  format: string;
  durationMs: number;
  loudnessLufs: number | null;
  createdAt: string;
  audioUrl: string;
  peaksUrl: string;
  /** This take is its batch's keeper. */
  kept: boolean;
};

export type TrackBatch = { batchId: string; tracks: StudioTrack[] };

export type RecentTracks = { batches: TrackBatch[]; nextCursor: string | null };

/** How many of the member's batches the studio page lists. */
export const RECENT_BATCHES = 8;

export const recentTracksKey = (creatorId: string) => ["jobs", "recent-tracks", creatorId] as const;

/** The member's newest batches, newest first. */
export function fetchRecentTracks(creatorId: string, signal: AbortSignal): Promise<RecentTracks> {
  const params = new URLSearchParams({ creator: creatorId, status: "ready", sort: "newest", limit: String(RECENT_BATCHES) });
  return fetchJson<RecentTracks>(`/api/tracks?${params}`, { signal });
}

/** Every live take of the batch `trackId` belongs to, by take number. */
export async function fetchTakesOf(trackId: string, signal: AbortSignal): Promise<StudioTrack[]> {
  const { takes } = await fetchJson<{ takes: StudioTrack[] }>(`/api/tracks/${encodeURIComponent(trackId)}`, { signal });
  return takes;
}

export const trackHref = (id: string) => `/tracks/${id}`;
