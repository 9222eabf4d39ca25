import { describe, expect, it } from "vitest";
import { PeakEnvelope } from "./peak-envelope";
import { expectPeaksToCover } from "@/tests/support/audio-fixtures";

/** Deterministic noise with a slowly moving level, so the pairs differ from one another. */
function signal(frames: number, seed: number): Float32Array {
  let state = seed;
  return Float32Array.from({ length: frames }, (_, i) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return (state / 1_073_741_824 - 1) * (0.2 + 0.7 * Math.abs(Math.sin(i / 9_000)));
  });
}

/** Feeds the channels to an envelope in blocks of the given sizes, cycling through them. */
function envelopeOf(pairs: number, channels: Float32Array[], blockSizes: number[]): PeakEnvelope {
  const envelope = new PeakEnvelope(pairs);
  const frames = channels[0]!.length;
  for (let start = 0, block = 0; start < frames; block++) {
    const size = Math.min(blockSizes[block % blockSizes.length]!, frames - start);
    envelope.add(
      channels.map((samples) => samples.subarray(start, start + size)),
      size,
    );
    start += size;
  }
  return envelope;
}

describe("PeakEnvelope", () => {
  it("gives one exact pair per frame while there are fewer frames than pairs", () => {
    const samples = signal(700, 1);
    const envelope = envelopeOf(1_000, [samples], [64]);
    expect(envelope.frames).toBe(700);
    expect(envelope.toPairs()).toEqual(Array.from(samples).flatMap((value) => [value, value]));
  });

  it("is exact while the track fits its buckets one frame each", () => {
    const samples = signal(30_011, 2); // under 16 × 2000 frames
    const pairs = envelopeOf(2_000, [samples], [4_096]).toPairs();
    const exact = Array.from({ length: 2_000 }, (_, pair) => {
      const share = samples.subarray(Math.floor((pair * 30_011) / 2_000), Math.floor(((pair + 1) * 30_011) / 2_000));
      return [Math.min(...share), Math.max(...share)];
    }).flat();
    expect(pairs).toEqual(exact);
  });

  it("covers each pair's share of a long track, reaching less than 1/8 pair beyond it", () => {
    const samples = signal(1_234_567, 3);
    const pairs = envelopeOf(2_000, [samples], [1_152]).toPairs();
    expect(pairs).toHaveLength(4_000);
    expectPeaksToCover(pairs, [samples], 0);
  });

  it("gives the same pairs however the PCM is split into blocks", () => {
    const samples = signal(500_000, 4);
    const whole = envelopeOf(640, [samples], [samples.length]).toPairs();
    const split = envelopeOf(640, [samples], [1, 2, 1_000, 4_095, 65_536]);
    expect(split.frames).toBe(500_000);
    expect(split.toPairs()).toEqual(whole);
  });

  it("takes the extremes over all channels together", () => {
    const left = signal(200_000, 5);
    const right = Float32Array.from(left, (value) => -value * 0.5 - 0.25);
    const pairs = envelopeOf(100, [left, right], [4_410]).toPairs();
    expectPeaksToCover(pairs, [left, right], 0);
  });

  it("refuses a pair count that is not a positive integer", () => {
    for (const pairs of [0, -1, 1.5, Number.POSITIVE_INFINITY]) expect(() => new PeakEnvelope(pairs)).toThrow(RangeError);
  });
});
