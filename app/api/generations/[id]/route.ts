import { ApiError } from "@/lib/errors";
import { route } from "@/lib/api/route";
import { getGeneration } from "@/lib/generations/get-generation";

export const dynamic = "force-dynamic";

/** Status, progress 0..1, ETA ms, why it is waiting to retry, the error, its price and whether Venice took it, and the track id once it is stored. */
export const GET = route<{ id: string }>(async ({ params }) => {
  const generation = await getGeneration(params.id);
  if (!generation) throw new ApiError("not_found", "This generation does not exist.");
  return generation;
});
