import { useQuery } from "@tanstack/react-query";
import { fetchRecentTracks, recentTracksKey } from "./track-api";

/** The member's own newest tracks, by batch: the studio page's "Your recent tracks" and its away notice. */
export function useRecentTracks(memberId: string) {
  return useQuery({
    queryKey: recentTracksKey(memberId),
    queryFn: ({ signal }) => fetchRecentTracks(memberId, signal),
  });
}
