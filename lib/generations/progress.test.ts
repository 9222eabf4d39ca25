import { describe, expect, it } from "vitest";
import { progressOf } from "./progress";

const queuedAt = new Date("2026-01-01T00:00:00Z");
const at = (ms: number) => queuedAt.getTime() + ms;

describe("progressOf", () => {
  it("measures a running job against Venice's expected time", () => {
    expect(progressOf({ status: "processing", queuedAt, expectedMs: 40_000 }, at(10_000))).toEqual({ progress: 0.25, etaMs: 30_000 });
  });

  it("holds short of the end when a job runs over its expected time", () => {
    expect(progressOf({ status: "processing", queuedAt, expectedMs: 40_000 }, at(90_000))).toEqual({ progress: 0.95, etaMs: 0 });
  });

  it("is complete once the audio is stored", () => {
    expect(progressOf({ status: "downloaded", queuedAt, expectedMs: 40_000 }, at(1))).toEqual({ progress: 1, etaMs: 0 });
    expect(progressOf({ status: "completed", queuedAt, expectedMs: null }, at(1))).toEqual({ progress: 1, etaMs: 0 });
  });

  it("knows no ETA before Venice has the job or reported its expected time", () => {
    expect(progressOf({ status: "pending", queuedAt: null, expectedMs: null }, at(0))).toEqual({ progress: 0, etaMs: null });
    expect(progressOf({ status: "queued", queuedAt, expectedMs: null }, at(5_000))).toEqual({ progress: 0, etaMs: null });
  });

  it("has no ETA for a job that ended without a track", () => {
    for (const status of ["failed", "expired", "uncertain"] as const) {
      expect(progressOf({ status, queuedAt, expectedMs: 40_000 }, at(10_000))).toEqual({ progress: 0, etaMs: null });
    }
  });
});
