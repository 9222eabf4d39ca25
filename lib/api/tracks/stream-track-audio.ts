import "server-only";
import { Readable } from "node:stream";
import { NextResponse } from "next/server";
import { ApiError } from "@/lib/errors";
import { parseRangeHeader } from "@/lib/api/tracks/byte-range";
import { setContentLength } from "@/lib/api/tracks/content-length";
import { attachmentDisposition } from "@/lib/api/tracks/download-filename";
import { findActiveTrack } from "@/lib/api/tracks/find-track";
import { log } from "@/lib/log";
import { trackStorage } from "@/lib/storage/storage";

/** Each stored format's media type (also the share page's og:audio:type). */
export const CONTENT_TYPES: Readonly<Record<string, string>> = { mp3: "audio/mpeg", wav: "audio/wav", flac: "audio/flac" };

/**
 * A track's stored audio, streamed from storage (never whole in memory): 200 with the whole
 * file, or 206 for one `Range` (see byte-range.ts), 416 for a range beyond the end, and 304
 * when the browser already holds this exact file (the ETag is its sha256). Every answer with
 * audio says its length (Content-Length), and HEAD says it without opening the file.
 */
export async function streamTrackAudio(id: string, request: Request, { download }: { download: boolean }): Promise<Response> {
  const track = await findActiveTrack(id, { title: true, format: true, sha256: true, storageKey: true });
  const storage = trackStorage();
  const stored = await storage.stat(track.storageKey);
  if (!stored) {
    log().error({ trackId: id, storageKey: track.storageKey }, "track audio missing from storage");
    throw new ApiError("internal", "This track's audio file is missing from the studio's storage.");
  }

  const etag = `"${track.sha256}"`;
  const headers = new Headers({
    "Accept-Ranges": "bytes",
    ETag: etag,
    "Cache-Control": "private, max-age=31536000, immutable",
    "Content-Type": CONTENT_TYPES[track.format] ?? "application/octet-stream",
  });
  if (download) headers.set("Content-Disposition", attachmentDisposition(track.title, track.format));
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });

  // If-Range: a range of a file the browser no longer holds would corrupt its copy.
  const ifRange = request.headers.get("if-range");
  const range = ifRange === null || ifRange === etag ? parseRangeHeader(request.headers.get("range"), stored.bytes) : { kind: "whole" as const };

  if (range.kind === "unsatisfiable") {
    return NextResponse.json(
      { error: `The requested range is outside this ${stored.bytes}-byte file.` },
      { status: 416, headers: { "Content-Range": `bytes */${stored.bytes}` } },
    );
  }
  const part = range.kind === "part" ? { start: range.start, end: range.end } : undefined;
  setContentLength(headers, part ? part.end - part.start + 1 : stored.bytes);
  if (part) headers.set("Content-Range", `bytes ${part.start}-${part.end}/${stored.bytes}`);
  const status = part ? 206 : 200;
  // Next.js answers HEAD with GET's handler and sends no body: a stream opened for it would only leak.
  if (request.method === "HEAD") return new Response(null, { status, headers });
  const body = await storage.read(track.storageKey, part);
  return new Response(webStreamOf(body), { status, headers });
}

// Node's web-stream types and the DOM's describe the same object but do not line up.
function webStreamOf(readable: Readable): ReadableStream<Uint8Array> {
  return Readable.toWeb(readable) as ReadableStream<Uint8Array>;
}
