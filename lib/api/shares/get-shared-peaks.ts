import "server-only";
import { findSharedTrack } from "@/lib/api/shares/find-shared-track";

/** A shared track's waveform, `{ peaks, durationMs }`, as GET /api/tracks/:id/peaks answers it. */
export async function getSharedPeaks(token: string): Promise<{ peaks: unknown; durationMs: number }> {
  return findSharedTrack(token, { peaks: true, durationMs: true });
}
