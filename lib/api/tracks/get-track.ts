import "server-only";
import { findActiveTrack } from "@/lib/api/tracks/find-track";
import { toTrackView, trackViewSelect, type TrackView } from "@/lib/api/tracks/track-view";

export async function getTrack(id: string): Promise<TrackView> {
  return toTrackView(await findActiveTrack(id, trackViewSelect));
}
