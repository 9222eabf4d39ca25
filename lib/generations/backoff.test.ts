import { describe, expect, it } from "vitest";
import { backoffDelayMs } from "./backoff";

describe("backoffDelayMs", () => {
  it("doubles from half a second and stops near 30 s", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((failures) => backoffDelayMs(failures))).toEqual([
      500, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000,
    ]);
  });

  it("stays finite after very many failures", () => {
    expect(backoffDelayMs(10_000)).toBe(30_000);
  });
});
