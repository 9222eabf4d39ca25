import { describe, expect, it } from "vitest";
import { afterEnd, neighbour, nextRepeat, queueFor, withTake } from "@/components/player/play-queue";
import type { PlayerTrack } from "@/components/player/player-track";

// The play queue's rules: what `play(track, { queue })` leaves as the queue, which track comes
// next and before, what plays once a track ends under repeat and autoplay-next, and where the
// A/B switch puts a take.

const track = (id: string): PlayerTrack => ({ id, title: id, format: "wav", durationMs: 3000, audioUrl: `/a/${id}`, peaksUrl: `/p/${id}` });
const [a, b, c] = [track("a"), track("b"), track("c")];
const ids = (queue: readonly PlayerTrack[]) => queue.map((t) => t.id);

describe("queueFor", () => {
  it("takes the given list when it holds the track", () => {
    expect(ids(queueFor(b, [a, b, c], []))).toEqual(["a", "b", "c"]);
  });
  it("plays the track alone when the given list lacks it", () => {
    expect(ids(queueFor(c, [a, b], [a, b]))).toEqual(["c"]);
  });
  it("without a list, keeps the current queue when the track is in it, else plays it alone", () => {
    expect(ids(queueFor(b, undefined, [a, b, c]))).toEqual(["a", "b", "c"]);
    expect(ids(queueFor(c, undefined, [a, b]))).toEqual(["c"]);
  });
});

describe("neighbour", () => {
  it("steps through the queue and stops at its ends, unless wrapping", () => {
    expect(neighbour([a, b, c], "a", 1, false)?.id).toBe("b");
    expect(neighbour([a, b, c], "b", -1, false)?.id).toBe("a");
    expect(neighbour([a, b, c], "c", 1, false)).toBeNull();
    expect(neighbour([a, b, c], "a", -1, false)).toBeNull();
    expect(neighbour([a, b, c], "c", 1, true)?.id).toBe("a");
    expect(neighbour([a, b, c], "a", -1, true)?.id).toBe("c");
  });
  it("finds nothing for a track outside the queue", () => {
    expect(neighbour([a, b], "c", 1, true)).toBeNull();
  });
});

describe("afterEnd", () => {
  const on = { repeat: "off" as const, autoplayNext: true };
  it("autoplay-next plays the next track and stops after the last", () => {
    expect(afterEnd([a, b], "a", on)).toBe(b);
    expect(afterEnd([a, b], "b", on)).toBeNull();
  });
  it("without autoplay-next, a track ends the playing", () => {
    expect(afterEnd([a, b], "a", { repeat: "off", autoplayNext: false })).toBeNull();
  });
  it("repeat one plays the same track again, whatever autoplay says", () => {
    expect(afterEnd([a, b], "a", { repeat: "one", autoplayNext: true })).toBe("restart");
    expect(afterEnd([a, b], "a", { repeat: "one", autoplayNext: false })).toBe("restart");
  });
  it("repeat all goes on, round to the first track; a queue of one starts over", () => {
    expect(afterEnd([a, b], "b", { repeat: "all", autoplayNext: false })).toBe(a);
    expect(afterEnd([a, b], "a", { repeat: "all", autoplayNext: false })).toBe(b);
    expect(afterEnd([a], "a", { repeat: "all", autoplayNext: true })).toBe("restart");
  });
});

describe("withTake", () => {
  it("puts the take in its sibling's place, keeps a queue that holds it, and plays it alone otherwise", () => {
    const take2 = track("a2");
    expect(ids(withTake([a, b], "a", take2))).toEqual(["a2", "b"]);
    expect(ids(withTake([a, take2, b], "a", take2))).toEqual(["a", "a2", "b"]);
    expect(ids(withTake([b], "a", take2))).toEqual(["a2"]);
  });
});

describe("nextRepeat", () => {
  it("cycles off → all → one → off", () => {
    expect([nextRepeat("off"), nextRepeat("all"), nextRepeat("one")]).toEqual(["all", "one", "off"]);
  });
});
