import { describe, expect, it } from "vitest";
import { readyAnnouncement, type ReadyJob } from "@/components/jobs/ready-announcement";

// One toast for the tracks that got ready together, with where to go to hear them.

const take = (id: string, batchId: string, title: string, trackId: string | null = `track-${id}`): ReadyJob => ({ id, batchId, title, trackId });

describe("readyAnnouncement", () => {
  it("one track: its title, and its page", () => {
    expect(readyAnnouncement([take("a", "b1", "Harbour waltz")])).toEqual({
      text: "“Harbour waltz” is ready.",
      action: { label: "Open the track", href: "/tracks/track-a" },
    });
  });

  it("takes of one batch: counted as takes of its title, and the track page that lists them", () => {
    expect(readyAnnouncement([take("a", "b1", "Harbour waltz"), take("b", "b1", "Harbour waltz")])).toEqual({
      text: "2 takes of “Harbour waltz” are ready.",
      action: { label: "Open the track", href: "/tracks/track-a" },
    });
  });

  it("tracks of different batches: counted, and the library", () => {
    const ready = [take("a", "b1", "Harbour waltz"), take("b", "b1", "Harbour waltz"), take("c", "b2", "Sunrise chorale")];
    expect(readyAnnouncement(ready)).toEqual({ text: "3 tracks are ready.", action: { label: "Open the library", href: "/library" } });
  });

  it("a job told twice counts once", () => {
    expect(readyAnnouncement([take("a", "b1", "Harbour waltz"), take("a", "b1", "Harbour waltz")]).text).toBe("“Harbour waltz” is ready.");
  });

  it("a track not yet known by id: the library", () => {
    expect(readyAnnouncement([take("a", "b1", "Harbour waltz", null)]).action).toEqual({ label: "Open the library", href: "/library" });
  });
});
