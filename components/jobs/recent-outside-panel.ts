import type { TrackBatch } from "./track-api";

/**
 * The recent batches less those the jobs panel shows as cards (by batchId), so that a batch
 * appears once on the studio page: on its card while it has one, in the recent list once dismissed.
 */
export function recentOutsidePanel(batches: readonly TrackBatch[], panelBatchIds: Iterable<string>): TrackBatch[] {
  const inPanel = new Set(panelBatchIds);
  return batches.filter((batch) => !inPanel.has(batch.batchId));
}
