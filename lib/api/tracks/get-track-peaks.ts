import "server-only";
import { findActiveTrack } from "@/lib/api/tracks/find-track";
import { storedWaveform, type Waveform } from "@/lib/audio/waveform";

/** The waveform of a track: `[min0, max0, min1, max1, …]` and its length. Never changes. */
export async function getTrackPeaks(id: string): Promise<Waveform> {
  return storedWaveform(await findActiveTrack(id, { peaks: true, durationMs: true }));
}
