import type { Prisma } from "@/lib/db/generated/client";

// What the API shows of a track. The storage key and checksum stay on the server; the
// waveform peaks have their own cacheable route, so lists stay small.

export const trackViewSelect = {
  id: true,
  generationId: true,
  title: true,
  prompt: true,
  model: true,
  format: true,
  bytes: true,
  durationMs: true,
  favorite: true,
  creatorId: true,
  createdAt: true,
  generation: { select: { status: true } },
} satisfies Prisma.TrackSelect;

export type TrackRow = Prisma.TrackGetPayload<{ select: typeof trackViewSelect }>;

export type TrackView = ReturnType<typeof toTrackView>;

export function toTrackView({ generation, createdAt, ...track }: TrackRow) {
  return {
    ...track,
    /** The generation's status: `downloaded` (playable, Venice clean-up pending) or `completed`. */
    status: generation.status,
    createdAt: createdAt.toISOString(),
    audioUrl: `/api/tracks/${track.id}/audio`,
    peaksUrl: `/api/tracks/${track.id}/peaks`,
  };
}
