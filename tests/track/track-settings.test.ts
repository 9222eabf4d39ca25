import { describe, expect, it } from "vitest";
import { mergeBatches, type LibraryPage, type LibraryTrack } from "@/components/library/library-api";
import { settingRows } from "@/components/track/track-settings";

// The track page's settings list (names a person reads, the key as a fallback) and the
// library's rows of batches across loaded pages.

describe("settingRows", () => {
  it("names each setting and words its value, leaving out what the page shows elsewhere", () => {
    const rows = settingRows({
      model: "m",
      prompt: "rain on a tin roof",
      lyrics_prompt: "la la",
      duration_seconds: 20,
      force_instrumental: true,
      lyrics_optimizer: false,
      loop: false,
      voice: "Rachel",
      language_code: "fr",
      speed: 1.25,
    });
    expect(rows.map(({ label, value }) => [label, value])).toEqual([
      ["Duration", "20 s"],
      ["Instrumental", "On"],
      ["Lyrics optimizer", "Off"],
      ["Loop", "Off"],
      ["Voice", "Rachel"],
      ["Language", "French (fr)"],
      ["Speed", "1.25×"],
    ]);
  });

  it("keeps the key of a setting it has no name for, and skips empty ones", () => {
    expect(settingRows({ seed: 42, style: { mood: "calm" }, voice: null })).toEqual([
      { key: "seed", label: "seed", value: "42" },
      { key: "style", label: "style", value: '{"mood":"calm"}' },
    ]);
  });
});

describe("mergeBatches", () => {
  const take = (batchId: string, takeIndex: number) => ({ id: `${batchId}-${takeIndex}`, batchId, takeIndex }) as LibraryTrack;
  const page = (...batches: LibraryTrack[][]): LibraryPage => ({
    batches: batches.map((tracks) => ({ batchId: tracks[0]!.batchId, tracks })),
    generations: [],
    nextCursor: null,
  });

  it("keeps the pages' order, one row per batch, even when a page boundary split a batch", () => {
    const rows = mergeBatches([page([take("a", 0)], [take("b", 1)]), page([take("b", 0), take("b", 1)], [take("c", 0)])]);
    expect(rows.map((row) => [row.batchId, row.tracks.map((t) => t.takeIndex)])).toEqual([
      ["a", [0]],
      ["b", [0, 1]],
      ["c", [0]],
    ]);
  });
});
