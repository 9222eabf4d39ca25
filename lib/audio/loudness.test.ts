import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { arrangeTrack } from "@/lib/venice-sim/audio/arrangement";
import { encodeFlac } from "@/lib/venice-sim/audio/encode-flac";
import { encodeMp3 } from "@/lib/venice-sim/audio/encode-mp3";
import { encodeWav } from "@/lib/venice-sim/audio/encode-wav";
import { renderArrangement } from "@/lib/venice-sim/audio/synth";
import { decodeMp3 } from "@/tests/support/audio-analysis";
import { wavFile } from "@/tests/support/audio-fixtures";
import type { AudioFormat } from "./format";
import { kWeighting, LoudnessMeter } from "./loudness";
import { computePeaks } from "./peaks";

/** BS.1770-4's own K-weighting coefficients, given for 48 kHz only (its tables 1 and 2). */
const BS1770_48K = {
  shelf: { b0: 1.53512485958697, b1: -2.69169618940638, b2: 1.19839281085285, a1: -1.69065929318241, a2: 0.73248077421585 },
  highPass: { b0: 1, b1: -2, b2: 1, a1: -1.99004745483398, a2: 0.99007225036621 },
};
/** A 0 dBFS-peak 997 Hz sine in one channel measures −3.01 LUFS (BS.1770-4, EBU Tech 3341). */
const FULL_SCALE_SINE_LUFS = -3.01;
/** The issue's bound; the meter does far better, and the tests hold it to that too. */
const ISSUE_TOLERANCE_LU = 0.5;

/** `seconds` of a 997 Hz sine with its peak at `peakDbfs`. */
function sine(sampleRate: number, seconds: number, peakDbfs: number): Float32Array {
  const amplitude = 10 ** (peakDbfs / 20);
  return Float32Array.from({ length: Math.round(sampleRate * seconds) }, (_, i) => amplitude * Math.sin((2 * Math.PI * 997 * i) / sampleRate));
}

/** Meters `channels` fed in blocks of `blockFrames` (odd by default, so blocks straddle the 100 ms steps). */
function measure(sampleRate: number, channels: Float32Array[], blockFrames = 1_237): number | null {
  const meter = new LoudnessMeter(sampleRate, channels.length);
  const frames = channels[0]!.length;
  for (let from = 0; from < frames; from += blockFrames) {
    meter.add(channels.map((samples) => samples.subarray(from, from + blockFrames)), Math.min(blockFrames, frames - from));
  }
  return meter.integratedLufs();
}

const concat = (...parts: Float32Array[]) => {
  const out = new Float32Array(parts.reduce((sum, part) => sum + part.length, 0));
  parts.reduce((at, part) => (out.set(part, at), at + part.length), 0);
  return out;
};

describe("K-weighting", () => {
  it("designs BS.1770's 48 kHz coefficients exactly", () => {
    const [shelf, highPass] = kWeighting(48_000);
    for (const [key, value] of Object.entries(BS1770_48K.shelf)) expect(shelf[key as keyof typeof shelf]).toBeCloseTo(value, 12);
    for (const [key, value] of Object.entries(BS1770_48K.highPass)) expect(highPass[key as keyof typeof highPass]).toBeCloseTo(value, 12);
  });

  it("redesigns them for another rate rather than reusing the 48 kHz ones", () => {
    const [shelf, highPass] = kWeighting(44_100);
    expect(shelf.b0).not.toBeCloseTo(BS1770_48K.shelf.b0, 3);
    expect(highPass.a1).not.toBeCloseTo(BS1770_48K.highPass.a1, 4);
  });
});

describe("integrated loudness of a 997 Hz tone of known level", () => {
  // K-weighting by the bilinear transform bends a little as 997 Hz nears the Nyquist frequency.
  const tolerances: Record<number, number> = { 48_000: 0.02, 44_100: 0.02, 32_000: 0.02, 22_050: 0.05, 11_025: 0.05 };
  const cases = Object.keys(tolerances).flatMap((rate) =>
    [0, -10, -20].flatMap((peakDbfs) => [1, 2].map((channels) => ({ sampleRate: Number(rate), peakDbfs, channels }))),
  );
  it.each(cases)("$sampleRate Hz, $peakDbfs dBFS peak, $channels channel(s)", ({ sampleRate, peakDbfs, channels }) => {
    const tone = sine(sampleRate, 5, peakDbfs);
    // The same signal in both channels adds their powers: +3.01 LU.
    const expected = FULL_SCALE_SINE_LUFS + peakDbfs + 10 * Math.log10(channels);
    const measured = measure(sampleRate, Array.from({ length: channels }, () => tone))!;
    expect(Math.abs(measured - expected)).toBeLessThan(ISSUE_TOLERANCE_LU);
    expect(Math.abs(measured - expected)).toBeLessThan(tolerances[sampleRate]!);
  });

  it("is the same however the PCM is split into blocks", () => {
    const tone = [sine(44_100, 3, -12), sine(44_100, 3, -18)];
    const whole = measure(44_100, tone, tone[0]!.length);
    for (const blockFrames of [1, 97, 4_410, 65_536]) expect(measure(44_100, tone, blockFrames)).toBeCloseTo(whole!, 9);
  });
});

describe("gating", () => {
  const rate = 48_000;

  it("gives null for digital silence, for a track under 400 ms, and for one below −70 LUFS", () => {
    expect(measure(rate, [new Float32Array(rate * 3)])).toBeNull();
    expect(measure(rate, [sine(rate, 0.39, -10)])).toBeNull();
    expect(measure(rate, [sine(rate, 3, -75)])).toBeNull();
    expect(measure(rate, [new Float32Array(0)])).toBeNull();
  });

  // The blocks that straddle an edge count with their share of each side: 3 of them per edge,
  // holding 3/4, 2/4 and 1/4 of the 400 ms on the louder side.
  const toneLufs = FULL_SCALE_SINE_LUFS - 20;

  it("leaves silence out (the absolute gate): a tone between long silences measures as the tone", () => {
    const silence = new Float32Array(rate * 10);
    const measured = measure(rate, [concat(silence, sine(rate, 5, -20), silence)])!;
    // 47 whole blocks of tone and 2 × 3 edge blocks pass; the ~150 silent ones do not.
    expect(Math.abs(measured - (toneLufs + 10 * Math.log10((47 + 2 * 1.5) / 53)))).toBeLessThan(0.01);
  });

  it("leaves out a part more than 10 LU below the rest (the relative gate)", () => {
    // Loud, then 20 LU quieter: the quiet blocks fall under the gate (the ungated mean is 2.97 LU lower).
    const quiet = 10 ** (-20 / 10);
    const measured = measure(rate, [concat(sine(rate, 10, -20), sine(rate, 10, -40))])!;
    // 97 whole loud blocks and the 3 edge blocks pass.
    expect(Math.abs(measured - (toneLufs + 10 * Math.log10((97 + 1.5 + 1.5 * quiet) / 100)))).toBeLessThan(0.01);
  });

  it("keeps a part less than 10 LU below the rest, averaging the powers", () => {
    // 6 dB lower: inside the gate, so the result is the loudness of the mean power of both.
    const measured = measure(rate, [concat(sine(rate, 10, -20), sine(rate, 10, -26))])!;
    const expected = toneLufs + 10 * Math.log10((1 + 10 ** (-6 / 10)) / 2);
    expect(Math.abs(measured - expected)).toBeLessThan(0.01);
  });
});

describe("channels", () => {
  const rate = 48_000;
  const tone = sine(rate, 4, -20);
  const mono = measure(rate, [tone])!;

  it("counts only the channels asked for (a mono MP3 decodes as two identical channels)", () => {
    const meter = new LoudnessMeter(rate, 2);
    meter.add([tone, tone], tone.length);
    expect(meter.integratedLufs(1)).toBeCloseTo(mono, 9);
    expect(meter.integratedLufs()).toBeCloseTo(mono + 10 * Math.log10(2), 9);
  });

  it("weights 5.1 as BS.1770 does: the LFE not at all, each surround by 1.41", () => {
    const silent = new Float32Array(tone.length);
    const only = (channel: number) => Array.from({ length: 6 }, (_, i) => (i === channel ? tone : silent));
    expect(measure(rate, only(2))).toBeCloseTo(mono, 9); // centre
    expect(measure(rate, only(3))).toBeNull(); // LFE
    expect(measure(rate, only(4))).toBeCloseTo(mono + 10 * Math.log10(1.41), 9); // left surround
  });

  it("refuses a sample rate too low to K-weight, and no channels", () => {
    expect(() => new LoudnessMeter(4_000, 1)).toThrow(RangeError);
    expect(() => new LoudnessMeter(48_000, 0)).toThrow(RangeError);
  });
});

describe("through the real decoders (computePeaks, as the store step measures)", () => {
  const seconds = 8;
  const music = (sampleRate: number) => renderArrangement(arrangeTrack({ prompt: "driving techno with drums and a bright synth lead", seconds }), sampleRate);

  // Lossless files hold the PCM itself (in 16 bits); an MP3 is measured as it plays, i.e. against
  // a whole-file decode by the test decoder, over one channel (mpg123 hands mono over twice).
  it.each<AudioFormat>(["wav", "flac", "mp3"])("%s: the streaming measure is the PCM's own", async (format) => {
    const sampleRate = format === "mp3" ? 22_050 : 32_000;
    const pcm = await music(sampleRate);
    const bytes = format === "wav" ? encodeWav(pcm, sampleRate) : format === "flac" ? await encodeFlac(pcm, sampleRate) : await encodeMp3(pcm, sampleRate, 64);
    const played = format === "mp3" ? (await decodeMp3(bytes)).samples : pcm;
    const own = measure(sampleRate, [played])!;
    const { loudnessLufs, channels } = await computePeaks(Readable.from([bytes]), format);
    expect(channels).toBe(1);
    expect(own).toBeGreaterThan(-30);
    expect(Math.abs(loudnessLufs! - own)).toBeLessThan(0.01);
    // The lamejs → mpg123 round trip plays 0.44 dB lower than its source; lossless ones not at all.
    expect(Math.abs(loudnessLufs! - measure(sampleRate, [pcm])!)).toBeLessThan(format === "mp3" ? 0.5 : 0.01);
  });

  it("measures a stereo WAV over both channels", async () => {
    const left = sine(44_100, 3, -20);
    const right = sine(44_100, 3, -30);
    const { loudnessLufs } = await computePeaks(Readable.from([wavFile({ sampleRate: 44_100, channels: [left, right] })]), "wav");
    const expected = FULL_SCALE_SINE_LUFS - 20 + 10 * Math.log10(1 + 10 ** (-10 / 10));
    expect(Math.abs(loudnessLufs! - expected)).toBeLessThan(0.02);
  });
});
