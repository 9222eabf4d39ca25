import { describe, expect, it } from "vitest";
import { formatElapsed, progressWording, type ProgressJob } from "@/components/jobs/progress-wording";

// The bar and time line of a job in flight: a share and the time left while Venice is within
// its expected time; past it, no share (not "95%, about 1 s left" for half a minute) but
// "taking longer than usual" with the time so far.

const CREATED = "2026-12-04T10:00:00.000Z";
const at = (seconds: number) => Date.parse(CREATED) + seconds * 1000;
const job = (overrides: Partial<ProgressJob>): ProgressJob => ({
  status: "processing",
  progress: 0.5,
  etaMs: 30_000,
  retry: null,
  createdAt: CREATED,
  ...overrides,
});

describe("progressWording", () => {
  it("within the expected time: the share and about how long is left", () => {
    expect(progressWording(job({}), at(32))).toEqual({ percent: 50, time: "about 30 s left", valueText: "50%, about 30 s left" });
    expect(progressWording(job({ status: "queued", progress: 0.1, etaMs: 150_000 }), at(20)).time).toBe("about 3 min left");
    expect(progressWording(job({ progress: 0.94, etaMs: 400 }), at(60))).toMatchObject({ percent: 94, time: "about 1 s left" });
  });

  it("past the expected time: no share, taking longer than usual, the time so far counting up", () => {
    const late = job({ progress: 0.95, etaMs: 0 });
    expect(progressWording(late, at(48))).toEqual({
      percent: null,
      time: "taking longer than usual · 48 s so far",
      valueText: "Taking longer than usual, 48 s so far",
    });
    expect(progressWording(late, at(72)).time).toBe("taking longer than usual · 1 min 12 s so far");
    expect(progressWording(job({ status: "queued", progress: 0.95, etaMs: 0 }), at(600)).time).toBe("taking longer than usual · 10 min so far");
    // Never "about 1 s left" once the expected time is up.
    expect(progressWording(late, at(90)).time).not.toMatch(/left/);
  });

  it("nothing to say about time when it is not Venice's clock, or when unknown", () => {
    // Sending to Venice: no time.
    expect(progressWording(job({ status: "pending", progress: 0, etaMs: null }), at(1))).toEqual({ percent: 0, time: "", valueText: undefined });
    // Saving to the library: the track is made; the bar is full, no "about 1 s left".
    expect(progressWording(job({ status: "downloaded", progress: 1, etaMs: 0 }), at(40))).toEqual({ percent: 100, time: "", valueText: undefined });
    // Venice gave no expected time.
    expect(progressWording(job({ progress: 0, etaMs: null }), at(40))).toEqual({ percent: 0, time: "", valueText: undefined });
  });

  it("waiting to try again: the card's detail says when, so no time left and no 'longer than usual'", () => {
    const retry = { reason: "venice", failures: 2, inMs: 4_000 } as const;
    expect(progressWording(job({ retry }), at(30))).toEqual({ percent: 50, time: "", valueText: undefined });
    expect(progressWording(job({ retry, progress: 0.95, etaMs: 0 }), at(90))).toEqual({ percent: 95, time: "", valueText: undefined });
  });

  it("a browser clock behind the server's never shows a negative time so far", () => {
    expect(progressWording(job({ progress: 0.95, etaMs: 0 }), at(-5)).time).toBe("taking longer than usual · 0 s so far");
  });
});

describe("formatElapsed", () => {
  it.each([
    [0, "0 s"],
    [999, "0 s"],
    [45_000, "45 s"],
    [60_000, "1 min"],
    [72_500, "1 min 12 s"],
    [599_000, "9 min 59 s"],
    [612_000, "10 min"],
    [3_600_000, "1 h"],
    [3_900_000, "1 h 5 min"],
  ])("%i ms: %s", (ms, text) => {
    expect(formatElapsed(ms)).toBe(text);
  });
});
