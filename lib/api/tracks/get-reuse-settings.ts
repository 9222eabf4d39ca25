import "server-only";
import { ApiError } from "@/lib/errors";
import { parseId } from "@/lib/api/input";
import { ENDED_STATUSES } from "@/lib/api/tracks/library-status";
import { storedRequest } from "@/lib/api/tracks/stored-request";
import { db } from "@/lib/db/client";
import type { GenerationRequest } from "@/lib/venice/generation-request";

const NOT_FOUND = "There is nothing to reuse here: this track does not exist or was deleted.";

export type ReuseSettings = { title: string; model: string; request: GenerationRequest };

/**
 * The model and request that made a library row, for "Reuse settings": `id` is a track's id,
 * or the id of a generation that ended without a track (the rows of the library's other lists).
 */
export async function getReuseSettings(id: string): Promise<ReuseSettings> {
  const rowId = parseId(id, NOT_FOUND);
  const prisma = await db();
  const generation = await prisma.generation.findFirst({
    where: { OR: [{ track: { is: { id: rowId, deletedAt: null } } }, { id: rowId, status: { in: [...ENDED_STATUSES] } }] },
    select: { title: true, model: true, request: true, track: { select: { title: true } } },
  });
  if (!generation) throw new ApiError("not_found", NOT_FOUND);
  const request = storedRequest(generation.request);
  if (!request) throw new ApiError("unprocessable", "This track's settings can no longer be reused.");
  return { title: generation.track?.title ?? generation.title, model: generation.model, request };
}
