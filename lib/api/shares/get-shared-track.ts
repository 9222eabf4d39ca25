import "server-only";
import { findSharedTrack } from "@/lib/api/shares/find-shared-track";
import { log } from "@/lib/log";
import { findModel } from "@/lib/venice-catalog";

/** What the public share page shows: no ids, no creator, nothing else of the studio. */
export type SharedTrack = {
  title: string;
  modelName: string;
  durationMs: number;
  format: string;
  audioUrl: string;
  peaksUrl: string;
};

/** The track a share link opens, as its page shows it; a dead link is a 404 ApiError. */
export async function getSharedTrack(token: string): Promise<SharedTrack> {
  const track = await findSharedTrack(token, { title: true, model: true, durationMs: true, format: true });
  const base = `/api/share/${encodeURIComponent(token)}`;
  return {
    title: track.title,
    modelName: await modelName(track.model),
    durationMs: track.durationMs,
    format: track.format,
    audioUrl: `${base}/audio`,
    peaksUrl: `${base}/peaks`,
  };
}

/** The model's display name; its id when Venice's catalog cannot be had (the page still plays). */
async function modelName(id: string): Promise<string> {
  try {
    return (await findModel(id))?.name ?? id;
  } catch (error) {
    log().warn({ err: error }, "share page: Venice's catalog unavailable, showing the model id");
    return id;
  }
}
