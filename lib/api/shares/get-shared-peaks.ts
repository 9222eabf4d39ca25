import "server-only";
import { findSharedTrack } from "@/lib/api/shares/find-shared-track";
import { storedWaveform, type Waveform } from "@/lib/audio/waveform";

/** A shared track's waveform, as GET /api/tracks/:id/peaks answers it. */
export async function getSharedPeaks(token: string): Promise<Waveform> {
  return storedWaveform(await findSharedTrack(token, { peaks: true, durationMs: true }));
}
