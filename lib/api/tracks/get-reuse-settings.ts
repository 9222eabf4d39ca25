import "server-only";
import { ApiError } from "@/lib/errors";
import { parseId } from "@/lib/api/input";
import { ENDED_STATUSES } from "@/lib/api/tracks/library-status";
import { db } from "@/lib/db/client";
import type { GenerationRequest } from "@/lib/venice/generation-request";
import { parseQueueBody } from "@/lib/venice/schemas";

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
  const stored = parseQueueBody(generation.request);
  // A row written by an older studio whose request no longer fits today's shape.
  if (!stored) throw new ApiError("unprocessable", "This track's settings can no longer be reused.");
  // The model is its own column; Venice's body may carry the duration as a string of digits.
  const { model: _sentModel, duration_seconds, ...request } = stored;
  return {
    title: generation.track?.title ?? generation.title,
    model: generation.model,
    request: duration_seconds === undefined ? request : { ...request, duration_seconds: Number(duration_seconds) },
  };
}
