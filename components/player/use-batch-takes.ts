"use client";

import { useQuery } from "@tanstack/react-query";
import type { PlayerTrack } from "@/components/player/player-track";
import { fetchJson } from "@/lib/browser/fetch-json";

/**
 * Every live take of `track`'s batch (by take number, itself included), from GET /api/tracks/:id,
 * when the batch has more than one; otherwise none. Keyed by the batch, under "track" so that a
 * change to any track (a keeper marked, a take deleted) refetches it.
 */
export function useBatchTakes(track: PlayerTrack): PlayerTrack[] {
  const batched = !!track.batchId && (track.takeCount ?? 1) > 1;
  const { data } = useQuery({
    queryKey: ["track", "batch-takes", track.batchId],
    queryFn: ({ signal }) =>
      fetchJson<{ takes: PlayerTrack[] }>(`/api/tracks/${encodeURIComponent(track.id)}`, { signal }).then((body) => body.takes),
    enabled: batched,
  });
  return batched && data && data.length > 1 ? data : [];
}

/** The take after `id` in `takes`, round to the first: the `t` key's. */
export function nextTake(takes: readonly PlayerTrack[], id: string): PlayerTrack | null {
  if (takes.length < 2) return null;
  const index = takes.findIndex((take) => take.id === id);
  return takes[(index + 1) % takes.length]!;
}

/** "Take 2" in a batch of several, the track's title otherwise. */
export function takeName(track: PlayerTrack): string {
  return track.takeNumber && (track.takeCount ?? 1) > 1 ? `Take ${track.takeNumber}` : `“${track.title}”`;
}
