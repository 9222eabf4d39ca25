import "server-only";
import { canManage, type Member } from "@/lib/auth/member";
import { creatorNames } from "@/lib/api/tracks/creator-name";
import { modelNames } from "@/lib/api/tracks/model-names";
import { db } from "@/lib/db/client";
import type { GenerationStatus, Prisma } from "@/lib/db/generated/client";

// What the API shows of a track, to one viewer: their own favourite and whether they may
// edit it. The storage key and checksum stay on the server; the waveform peaks have their own
// cacheable route, so lists stay small.

export type TrackView = {
  id: string;
  generationId: string;
  batchId: string;
  /** 0-based; takeNumber is what people read (1-based). */
  takeIndex: number;
  takeNumber: number;
  /** The live (not deleted) takes of its batch. */
  takeCount: number;
  title: string;
  prompt: string;
  /** From the stored request; null for an instrumental or when the request no longer parses. */
  lyrics: string | null;
  model: string;
  /** The catalog's name, or the id when Venice no longer lists the model (or cannot be reached). */
  modelName: string;
  format: string;
  bytes: number;
  durationMs: number;
  /** Integrated loudness (LUFS); null for tracks stored before it was measured. */
  loudnessLufs: number | null;
  /** Venice's quote for this take, USD. */
  costUsd: number;
  creator: { id: string; name: string };
  createdAt: string;
  /** The generation's status: `downloaded` (playable, Venice clean-up pending) or `completed`. */
  status: GenerationStatus;
  audioUrl: string;
  peaksUrl: string;
  downloadUrl: string;
  /** The viewer's own favourite. */
  favorite: boolean;
  /** Its batch's keeper (at most one take of a batch is). */
  kept: boolean;
  /** The viewer may rename, delete and choose the keeper: its creator or an admin/owner. */
  canEdit: boolean;
};

/** The columns a TrackView is made of, with `viewerId`'s favourite. */
export function trackViewSelect(viewerId: string) {
  return {
    id: true,
    generationId: true,
    batchId: true,
    takeIndex: true,
    title: true,
    prompt: true,
    lyrics: true,
    model: true,
    format: true,
    bytes: true,
    durationMs: true,
    loudnessLufs: true,
    keptAt: true,
    creatorId: true,
    createdAt: true,
    generation: { select: { status: true, quotedUsd: true } },
    favorites: { where: { memberId: viewerId }, select: { memberId: true } },
  } satisfies Prisma.TrackSelect;
}

export type TrackRow = Prisma.TrackGetPayload<{ select: ReturnType<typeof trackViewSelect> }>;

/**
 * `rows` (selected with trackViewSelect(viewer.id)) as `viewer` sees them. `takeCounts` (live
 * takes per batch) when the caller has them; otherwise they are counted here.
 */
export async function toTrackViews(rows: TrackRow[], viewer: Member, takeCounts?: ReadonlyMap<string, number>): Promise<TrackView[]> {
  if (rows.length === 0) return [];
  const [names, models, counts] = await Promise.all([
    creatorNames(rows.map((row) => row.creatorId), viewer),
    modelNames(),
    takeCounts ?? liveTakeCounts(rows.map((row) => row.batchId)),
  ]);
  return rows.map(({ generation, favorites, keptAt, creatorId, createdAt, ...track }) => ({
    id: track.id,
    generationId: track.generationId,
    batchId: track.batchId,
    takeIndex: track.takeIndex,
    takeNumber: track.takeIndex + 1,
    takeCount: counts.get(track.batchId) ?? 0,
    title: track.title,
    prompt: track.prompt,
    lyrics: track.lyrics,
    model: track.model,
    modelName: models.get(track.model) ?? track.model,
    format: track.format,
    bytes: track.bytes,
    durationMs: track.durationMs,
    loudnessLufs: track.loudnessLufs,
    costUsd: generation.quotedUsd.toNumber(),
    creator: { id: creatorId, name: names.get(creatorId)! },
    createdAt: createdAt.toISOString(),
    status: generation.status,
    audioUrl: `/api/tracks/${track.id}/audio`,
    peaksUrl: `/api/tracks/${track.id}/peaks`,
    downloadUrl: `/api/tracks/${track.id}/audio?download=1`,
    favorite: favorites.length > 0,
    kept: keptAt !== null,
    canEdit: canManage(viewer, creatorId),
  }));
}

async function liveTakeCounts(batchIds: string[]): Promise<Map<string, number>> {
  const prisma = await db();
  const groups = await prisma.track.groupBy({ by: ["batchId"], where: { batchId: { in: [...new Set(batchIds)] }, deletedAt: null }, _count: { _all: true } });
  return new Map(groups.map((group) => [group.batchId, group._count._all]));
}
