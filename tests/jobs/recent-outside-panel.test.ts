import { describe, expect, it } from "vitest";
import { recentOutsidePanel } from "@/components/jobs/recent-outside-panel";
import type { StudioTrack, TrackBatch } from "@/components/jobs/track-api";

// A batch shows once on the studio page: the recent list leaves out the batches on cards in the jobs panel.

const take = (batchId: string, takeNumber: number): StudioTrack => ({
  id: `${batchId}-${takeNumber}`,
  generationId: `gen-${batchId}-${takeNumber}`,
  batchId,
  takeNumber,
  takeCount: 2,
  title: `Batch ${batchId}`,
  format: "wav",
  durationMs: 4000,
  loudnessLufs: -16,
  createdAt: "2026-12-04T12:00:00.000Z",
  audioUrl: `/api/tracks/${batchId}-${takeNumber}/audio`,
  peaksUrl: `/api/tracks/${batchId}-${takeNumber}/peaks`,
  kept: false,
});
const batch = (batchId: string): TrackBatch => ({ batchId, tracks: [take(batchId, 1), take(batchId, 2)] });
const ids = (batches: TrackBatch[]) => batches.map((one) => one.batchId);

describe("recentOutsidePanel", () => {
  const recent = [batch("c"), batch("b"), batch("a")];

  it("leaves out the batches on cards, keeping the others in their order, takes and all", () => {
    const shown = recentOutsidePanel(recent, ["b"]);
    expect(ids(shown)).toEqual(["c", "a"]);
    expect(shown[0]).toBe(recent[0]);
    expect(shown[1]!.tracks).toHaveLength(2);
  });

  it("lists every batch when the panel has no cards, and a dismissed card's batch comes back", () => {
    expect(ids(recentOutsidePanel(recent, []))).toEqual(["c", "b", "a"]);
    expect(ids(recentOutsidePanel(recent, ["c", "b"]))).toEqual(["a"]);
    // The "c" card dismissed: its batch is in the list again, in its place.
    expect(ids(recentOutsidePanel(recent, ["b"]))).toEqual(["c", "a"]);
  });

  it("lists none when every recent batch is on a card; a card not in the list (still running) changes nothing", () => {
    expect(recentOutsidePanel(recent, ["a", "b", "c"])).toEqual([]);
    expect(ids(recentOutsidePanel(recent, ["running", "elsewhere"]))).toEqual(["c", "b", "a"]);
  });

  it("takes the panel's ids as any iterable, a Set included", () => {
    expect(ids(recentOutsidePanel(recent, new Set(["a"])))).toEqual(["c", "b"]);
  });
});
