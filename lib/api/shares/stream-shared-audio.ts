import "server-only";
import { findSharedTrack } from "@/lib/api/shares/find-shared-track";
import { streamTrackAudio } from "@/lib/api/tracks/stream-track-audio";
import { SHARED_CACHE_CONTROL } from "@/lib/api/shares/share-link-policy";

/** A shared track's audio, exactly as the studio streams it (Range, ETag, download name). */
export async function streamSharedAudio(token: string, request: Request, options: { download: boolean }): Promise<Response> {
  const { id } = await findSharedTrack(token, { id: true });
  const response = await streamTrackAudio(id, request, options);
  response.headers.set("Cache-Control", SHARED_CACHE_CONTROL);
  return response;
}
