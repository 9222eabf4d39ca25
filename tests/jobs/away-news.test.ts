import { describe, expect, it } from "vitest";
import type { StudioTrack } from "@/components/jobs/track-api";
import { groupByBatch, type Job } from "@/components/jobs/use-jobs";
import { newest, newsSince, NONE } from "@/components/jobs/use-away-notice";

// What the studio page tells a returning member ("2 tracks finished while you were away"),
// and how the jobs panel groups the takes of one submit.

const track = (id: string, batchId: string, createdAt: string): StudioTrack => ({
  id,
  generationId: `g-${id}`,
  batchId,
  takeNumber: 1,
  takeCount: 1,
  title: id,
  format: "wav",
  durationMs: 5000,
  loudnessLufs: null,
  createdAt,
  audioUrl: `/api/tracks/${id}/audio`,
  peaksUrl: `/api/tracks/${id}/peaks`,
  kept: false,
});

const recent = {
  batches: [
    { batchId: "b3", tracks: [track("c1", "b3", "2026-12-04T10:05:00.000Z"), track("c2", "b3", "2026-12-04T10:05:01.000Z")] },
    { batchId: "b2", tracks: [track("b", "b2", "2026-12-04T10:00:00.000Z")] },
    { batchId: "b1", tracks: [track("a", "b1", "2026-12-04T09:00:00.000Z")] },
  ],
  nextCursor: null,
};

describe("newsSince: the tracks made since this browser last saw the member's tracks", () => {
  it("says nothing on a first visit in this browser (no mark)", () => {
    expect(newsSince(null, recent)).toBeNull();
  });

  it("lists the tracks created after the mark, and only those", () => {
    const news = newsSince("2026-12-04T10:00:00.000Z", recent);
    expect(news?.tracks.map((t) => t.id)).toEqual(["c1", "c2"]);
    expect(news?.more).toBe(false);
  });

  it("says nothing when nothing is newer than the mark", () => {
    expect(newsSince("2026-12-04T10:05:01.000Z", recent)).toBeNull();
  });

  it("counts every track after a visit that saw none, and says there are more when the list was cut", () => {
    expect(newsSince(NONE, recent)?.tracks).toHaveLength(4);
    expect(newsSince(NONE, { ...recent, nextCursor: "next" })?.more).toBe(true);
    expect(newsSince("2026-12-04T09:30:00.000Z", { ...recent, nextCursor: "next" })?.more).toBe(false);
  });

  it("moves the mark to the newest track listed", () => {
    expect(newest(recent)).toBe("2026-12-04T10:05:01.000Z");
    expect(newest({ batches: [], nextCursor: null })).toBeNull();
  });
});

describe("groupByBatch: one card per submit", () => {
  const job = (id: string, batchId: string, createdAt: string) => ({ id, batchId, createdAt }) as Job;

  it("keeps each batch's takes in order, newest batch first", () => {
    const batches = groupByBatch([
      job("old-1", "old", "2026-12-04T09:00:00.000Z"),
      job("new-1", "new", "2026-12-04T10:00:00.000Z"),
      job("old-2", "old", "2026-12-04T09:00:00.000Z"),
      job("new-2", "new", "2026-12-04T10:00:00.000Z"),
    ]);
    expect(batches.map((batch) => [batch.batchId, batch.jobs.map((j) => j.id)])).toEqual([
      ["new", ["new-1", "new-2"]],
      ["old", ["old-1", "old-2"]],
    ]);
  });
});
