import { createReadStream } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeWav } from "@/lib/venice-sim/audio/encode-wav";
import { formatSpec, renderTrack } from "@/lib/venice-sim/audio/render";
import type { AudioFormat } from "./format";
import { decodeFlac, decodeMp3, decodeWav, flacStreamInfo, type Decoded } from "@/tests/support/audio-analysis";
import { computePeaks, DEFAULT_PEAK_PAIRS } from "./peaks";
import { AudioDecodeError } from "./stream-decoder";
import { expectPeaksToCover, wavFile } from "@/tests/support/audio-fixtures";

const PROMPT = "driving techno with drums, bass and a bright synth lead";
const SECONDS = 6.5;
const FORMATS: AudioFormat[] = ["mp3", "wav", "flac"];
/** Peaks are rounded to 4 decimals. */
const ROUNDING = 0.5e-4 + 1e-9;

let dir: string;
const tracks = {} as Record<AudioFormat, { bytes: Buffer; file: string; reference: Decoded }>;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "peaks-"));
  for (const format of FORMATS) {
    const bytes = await renderTrack({ prompt: PROMPT, seconds: SECONDS, format });
    const file = path.join(dir, `track.${format}`);
    await writeFile(file, bytes);
    // The whole file decoded at once by the test decoders: what streaming must agree with.
    const reference = format === "mp3" ? await decodeMp3(bytes) : format === "flac" ? await decodeFlac(bytes) : decodeWav(bytes);
    tracks[format] = { bytes, file, reference };
  }
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Streams a file from disk in small, odd-sized chunks, so frames straddle chunk edges. */
const fileStream = (file: string) => createReadStream(file, { highWaterMark: 4_093 });

/** A web stream of `bytes` in `chunkSize` chunks that records whether it was cancelled. */
function webStream(bytes: Uint8Array, chunkSize: number) {
  let offset = 0;
  const source = {
    cancelled: false,
    stream: new ReadableStream<Uint8Array>({
      pull(controller) {
        if (offset >= bytes.length) return controller.close();
        controller.enqueue(bytes.slice(offset, offset + chunkSize));
        offset += chunkSize;
      },
      cancel() {
        source.cancelled = true;
      },
    }),
  };
  return source;
}

describe("computePeaks on rendered tracks", () => {
  for (const format of FORMATS) {
    it(`${format}: streamed from disk, agrees with a whole-file decode`, async () => {
      const { file, reference } = tracks[format];
      const result = await computePeaks(fileStream(file), format);

      expect(result.sampleRate).toBe(formatSpec(format, SECONDS).sampleRate);
      expect(result.channels).toBe(1);
      expect(Math.abs(result.durationMs - SECONDS * 1000)).toBeLessThanOrEqual(50);
      expect(result.durationMs).toBe(Math.round((reference.samples.length / reference.sampleRate) * 1000));
      expect(result.peaks).toHaveLength(2 * DEFAULT_PEAK_PAIRS);
      expectPeaksToCover(result.peaks, [reference.samples], ROUNDING);
      // Real music, not a flat line: loud somewhere, and every value within -1..1.
      expect(Math.max(...result.peaks)).toBeGreaterThan(0.5);
      expect(result.peaks.every((value) => value >= -1 && value <= 1)).toBe(true);
      // Measured in the same pass: the simulator normalises its renders to an RMS of 0.17, about −19 LUFS.
      expect(result.loudnessLufs).toBeGreaterThan(-25);
      expect(result.loudnessLufs).toBeLessThan(-14);
    });
  }

  it("flac: keeps a last frame of only a few bytes", async () => {
    // 7.3 s at 32 kHz ends in a 128-sample frame of digital silence, 14 bytes long, which the
    // decoder's frame parser drops unless given lookahead (7296 ms instead of 7300 ms).
    const flac = await renderTrack({ prompt: PROMPT, seconds: 7.3, format: "flac" });
    const wav = await renderTrack({ prompt: PROMPT, seconds: 7.3, format: "wav" });
    expect(flacStreamInfo(flac).totalSamples).toBe(233_600);
    expect((await decodeFlac(flac)).samples.length).toBe(233_472); // the parser's loss, one shot
    const fromFlac = await computePeaks(Readable.from([flac]), "flac");
    const fromWav = await computePeaks(Readable.from([wav]), "wav");
    expect(fromFlac.durationMs).toBe(7_300);
    // Same PCM; the two decoders may scale a sample differently in its last bit.
    const largestDifference = Math.max(...fromFlac.peaks.map((value, i) => Math.abs(value - fromWav.peaks[i]!)));
    expect(largestDifference).toBeLessThanOrEqual(1e-4 + 1e-9);
  });

  it("gives the same peaks from a web ReadableStream in any chunking", async () => {
    const { file, bytes } = tracks.flac;
    const fromFile = await computePeaks(fileStream(file), "flac", { pairs: 300 });
    for (const chunkSize of [1_000, 65_536, bytes.length]) {
      expect(await computePeaks(webStream(bytes, chunkSize).stream, "flac", { pairs: 300 })).toEqual(fromFile);
    }
  });

  it("returns exactly the requested number of pairs", async () => {
    for (const pairs of [1, 7, 500, 4_321]) {
      const result = await computePeaks(fileStream(tracks.mp3.file), "mp3", { pairs });
      expect(result.peaks).toHaveLength(2 * pairs);
      expectPeaksToCover(result.peaks, [tracks.mp3.reference.samples], ROUNDING);
    }
  });

  it("keeps the JSON small: 2000 pairs of 4-decimal numbers", async () => {
    const { peaks } = await computePeaks(fileStream(tracks.wav.file), "wav");
    expect(peaks.every((value) => /^-?[01](\.\d{1,4})?$/.test(String(value)))).toBe(true);
    expect(JSON.stringify(peaks).length).toBeLessThan(40_000);
  });

  it("reads an MP3 that starts with an ID3v2 tag larger than a chunk", async () => {
    const tag = Buffer.alloc(10 + 150_000); // header + 150 kB of (padding) frames, as cover art would be
    tag.write("ID3", 0, "ascii");
    tag[3] = 4;
    const size = 150_000;
    [tag[6], tag[7], tag[8], tag[9]] = [(size >> 21) & 0x7f, (size >> 14) & 0x7f, (size >> 7) & 0x7f, size & 0x7f];
    const tagged = Buffer.concat([tag, tracks.mp3.bytes]);
    const withTag = await computePeaks(webStream(tagged, 10_000).stream, "mp3");
    expect(withTag).toEqual(await computePeaks(fileStream(tracks.mp3.file), "mp3"));
  });
});

describe("computePeaks on WAV files", () => {
  it("gives zero peaks for silence", async () => {
    const silence = encodeWav(new Float32Array(64_000), 32_000);
    const result = await computePeaks(Readable.from([silence]), "wav");
    expect(result).toMatchObject({ durationMs: 2_000, sampleRate: 32_000, channels: 1, loudnessLufs: null });
    expect(result.peaks).toHaveLength(4_000);
    expect(result.peaks.every((value) => value === 0)).toBe(true);
  });

  it("takes every channel of a stereo file into account", async () => {
    const sampleRate = 44_100;
    const frames = sampleRate * 2;
    // Left: a 0.5 sine throughout. Right: silent for the first second, then held at -0.8.
    const left = Float32Array.from({ length: frames }, (_, i) => 0.5 * Math.sin((2 * Math.PI * 220 * i) / sampleRate));
    const right = Float32Array.from({ length: frames }, (_, i) => (i < sampleRate ? 0 : -0.8));
    const result = await computePeaks(Readable.from([wavFile({ sampleRate, channels: [left, right] })]), "wav", { pairs: 100 });

    expect(result).toMatchObject({ durationMs: 2_000, sampleRate, channels: 2 });
    expectPeaksToCover(result.peaks, [left, right], ROUNDING + 1 / 32768);
    // 50 pairs a second; the pairs next to the change may reach across it.
    const [firstSecond, lastSecond] = [result.peaks.slice(0, 2 * 49), result.peaks.slice(2 * 51)];
    expect(Math.min(...firstSecond)).toBeCloseTo(-0.5, 3);
    expect(Math.min(...lastSecond)).toBeCloseTo(-0.8, 3);
    expect(Math.max(...lastSecond)).toBeCloseTo(0.5, 3);
  });

  it("gives one exact pair per frame for audio shorter than the pair count", async () => {
    // Sixteenths: exact in 16-bit PCM and in 4 decimals, so every value survives unchanged.
    const samples = Float32Array.from({ length: 300 }, (_, i) => ((i % 16) - 8) / 16);
    const result = await computePeaks(Readable.from([wavFile({ sampleRate: 8_000, channels: [samples] })]), "wav");
    expect(result.peaks).toHaveLength(600);
    expect(result.peaks).toEqual(Array.from(samples).flatMap((value) => [value, value]));
    expect(result.durationMs).toBe(38); // 300 / 8000 s
  });

  it("returns no peaks for an empty data chunk", async () => {
    const result = await computePeaks(Readable.from([wavFile({ sampleRate: 32_000, channels: [new Float32Array(0)] })]), "wav");
    expect(result).toEqual({ peaks: [], durationMs: 0, sampleRate: 32_000, channels: 1, loudnessLufs: null });
  });

  it("gives the peaks but no loudness below the 8 kHz that K-weighting needs", async () => {
    const samples = Float32Array.from({ length: 8_000 }, (_, i) => 0.5 * Math.sin((2 * Math.PI * 440 * i) / 4_000));
    const result = await computePeaks(Readable.from([wavFile({ sampleRate: 4_000, channels: [samples] })]), "wav", { pairs: 10 });
    expect(result).toMatchObject({ durationMs: 2_000, sampleRate: 4_000, loudnessLufs: null });
    expect(Math.max(...result.peaks)).toBeCloseTo(0.5, 2);
  });
});

describe("computePeaks on broken input", () => {
  const half = (bytes: Buffer) => bytes.subarray(0, Math.floor(bytes.length / 2));

  it.each(FORMATS)("rejects a %s file cut in half as truncated", async (format) => {
    await expect(computePeaks(Readable.from([half(tracks[format].bytes)]), format)).rejects.toThrow(/truncated/);
  });

  it.each(FORMATS)("rejects bytes that are not a %s file", async (format) => {
    const noise = Buffer.from(Array.from({ length: 100_000 }, (_, i) => (i * 7919) % 251));
    const error = await computePeaks(Readable.from([noise]), format).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AudioDecodeError);
    expect((error as Error).message).toMatch(/^Not an? (MP3|WAV|FLAC) file/);
  });

  it.each(["mp3", "flac"] as const)("rejects a %s file whose middle is overwritten", async (format) => {
    const damaged = Buffer.from(tracks[format].bytes);
    for (let i = 20_000; i < 24_000; i++) damaged[i] = (i * 7919) % 251;
    await expect(computePeaks(Readable.from([damaged]), format)).rejects.toThrow(/corrupt/);
  });

  it("rejects a file in another format than the one named", async () => {
    await expect(computePeaks(fileStream(tracks.wav.file), "mp3")).rejects.toThrow(AudioDecodeError);
    await expect(computePeaks(fileStream(tracks.mp3.file), "flac")).rejects.toThrow(AudioDecodeError);
  });

  it("cancels a web stream it gives up on", async () => {
    const source = webStream(Buffer.from("definitely not a FLAC file".repeat(10_000)), 4_096);
    await expect(computePeaks(source.stream, "flac")).rejects.toThrow(AudioDecodeError);
    expect(source.cancelled).toBe(true);
  });

  it("destroys a Node stream it gives up on", async () => {
    const stream = fileStream(tracks.mp3.file);
    await expect(computePeaks(stream, "wav")).rejects.toThrow(AudioDecodeError);
    expect(stream.destroyed).toBe(true);
  });

  it("rejects with the input's own error when the input fails mid-way", async () => {
    const { bytes } = tracks.flac;
    const failing = Readable.from(
      (async function* () {
        yield bytes.subarray(0, 50_000);
        throw new Error("disk read failed");
      })(),
    );
    await expect(computePeaks(failing, "flac")).rejects.toThrow("disk read failed");
  });

  it("refuses a pair count that is not a positive integer", async () => {
    for (const pairs of [0, -5, 2.5, Number.NaN]) {
      await expect(computePeaks(Readable.from([tracks.wav.bytes]), "wav", { pairs })).rejects.toThrow(RangeError);
    }
  });
});
