import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { fetchTakesOf, type StudioTrack } from "./track-api";
import type { JobBatch } from "./use-jobs";

/**
 * The finished takes of a batch in the jobs panel, as tracks the player can play: read once a
 * take is finished, and again as each further take finishes (the previous list stays on show
 * meanwhile). Empty until the first take is.
 */
export function useBatchTakes(batch: JobBatch): StudioTrack[] {
  const finished = batch.jobs.flatMap((job) => (job.status === "completed" && job.trackId ? [job.trackId] : []));
  const takes = useQuery({
    queryKey: ["jobs", "batch-takes", batch.batchId, finished.join(",")],
    queryFn: ({ signal }) => fetchTakesOf(finished[0]!, signal),
    enabled: finished.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  return (takes.data ?? []).filter((take) => finished.includes(take.id));
}
