import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { encodeFlac } from "./encode-flac";
import { parseFrameHeader } from "@/lib/audio/mp3-frame-header";
import { crc16, encodeMp3, LAME_ENCODER_DELAY } from "./encode-mp3";
import { encodeWav } from "./encode-wav";
import { averageSpectrum, decodeFlac, decodeMp3, decodeWav, flacStreamInfo, strongPeaks } from "@/tests/support/audio-analysis";

function tone(freq: number, seconds: number, sampleRate: number): Float32Array {
  const x = new Float32Array(Math.round(seconds * sampleRate));
  for (let i = 0; i < x.length; i++) x[i] = 0.5 * Math.sin((2 * Math.PI * freq * i) / sampleRate) + 0.2 * Math.sin((2 * Math.PI * 3 * freq * i) / sampleRate);
  return x;
}

function toInt16(x: Float32Array): Int16Array {
  return Int16Array.from(x, (v) => Math.round(Math.max(-1, Math.min(1, v)) * 32767));
}

describe("encodeWav", () => {
  it("writes a canonical 16-bit mono RIFF/WAVE file", () => {
    const bytes = encodeWav(Float32Array.from([0, 0.5, -0.5, 1, -1, 2, -2]), 32000);
    expect(bytes.length).toBe(44 + 14);
    expect(bytes.toString("ascii", 0, 4)).toBe("RIFF");
    expect(bytes.readUInt32LE(4)).toBe(bytes.length - 8);
    expect(bytes.toString("ascii", 8, 16)).toBe("WAVEfmt ");
    expect(bytes.readUInt32LE(16)).toBe(16);
    expect(bytes.readUInt16LE(20)).toBe(1); // PCM
    expect(bytes.readUInt16LE(22)).toBe(1); // mono
    expect(bytes.readUInt32LE(24)).toBe(32000);
    expect(bytes.readUInt32LE(28)).toBe(64000);
    expect(bytes.readUInt16LE(32)).toBe(2);
    expect(bytes.readUInt16LE(34)).toBe(16);
    expect(bytes.toString("ascii", 36, 40)).toBe("data");
    expect(bytes.readUInt32LE(40)).toBe(14);
    const samples = [0, 1, 2, 3, 4, 5, 6].map((i) => bytes.readInt16LE(44 + 2 * i));
    expect(samples).toEqual([0, 16384, -16383, 32767, -32767, 32767, -32767]); // clamped
  });

  it("round-trips through the strict reader", () => {
    const x = tone(440, 0.5, 32000);
    const decoded = decodeWav(encodeWav(x, 32000));
    expect(decoded.sampleRate).toBe(32000);
    expect(decoded.samples.length).toBe(x.length);
    const expected = toInt16(x);
    for (let i = 0; i < x.length; i += 97) expect(Math.round((decoded.samples[i] as number) * 32768)).toBe(expected[i]);
  });
});

describe("encodeMp3", () => {
  it("crc16 is CRC-16/ARC", () => {
    expect(crc16(Buffer.from("123456789"), 0, 9)).toBe(0xbb3d);
  });

  it("prepends a LAME Info frame whose delay/padding let mpg123 return the exact length", async () => {
    const sampleRate = 22050;
    const x = tone(440, 2.345, sampleRate);
    const bytes = await encodeMp3(x, sampleRate, 64);

    // The Info frame: same stream parameters, tag after the side info.
    const first = parseFrameHeader(bytes, 0);
    expect(first).toMatchObject({ version: 2, sampleRate, mono: true, samples: 576, sideInfo: 9 });
    const tag = 4 + first!.sideInfo;
    expect(bytes.toString("ascii", tag, tag + 4)).toBe("Info");
    const frames = bytes.readUInt32BE(tag + 8);
    expect(bytes.readUInt32BE(tag + 12)).toBe(bytes.length);

    // Count the audio frames after it.
    let counted = 0;
    for (let off = first!.size; off < bytes.length; counted++) {
      const h = parseFrameHeader(bytes, off);
      expect(h).not.toBeNull();
      off += h!.size;
    }
    expect(frames).toBe(counted);

    // LAME extension: delay and padding (12 bits each), music length, tag CRC.
    const lame = tag + 120;
    expect(bytes.toString("ascii", lame, lame + 4)).toBe("LAME");
    const delay = (bytes[lame + 21]! << 4) | (bytes[lame + 22]! >> 4);
    const padding = ((bytes[lame + 22]! & 0x0f) << 8) | bytes[lame + 23]!;
    expect(delay).toBe(LAME_ENCODER_DELAY);
    expect(padding).toBe(frames * 576 - x.length - LAME_ENCODER_DELAY);
    expect(bytes.readUInt32BE(lame + 28)).toBe(bytes.length);
    expect(bytes.readUInt16BE(lame + 34)).toBe(crc16(bytes, 0, lame + 34));
    expect(bytes.readUInt16BE(lame + 32)).toBe(crc16(bytes, first!.size, bytes.length));

    // A gapless decoder trims to the exact input, and the tone survives.
    const decoded = await decodeMp3(bytes);
    expect(decoded.sampleRate).toBe(sampleRate);
    expect(decoded.samples.length).toBe(x.length);
    const peaks = strongPeaks(averageSpectrum(decoded.samples, 4096), sampleRate, 20);
    expect(peaks.some((f) => Math.abs(f - 440) < 8)).toBe(true);
    expect(peaks.some((f) => Math.abs(f - 1320) < 8)).toBe(true);
    // Aligned: the decoded signal matches the input sample for sample (lossy, so roughly).
    let err = 0;
    let ref = 0;
    for (let i = 2000; i < x.length - 2000; i++) {
      err += ((decoded.samples[i] as number) - (x[i] as number)) ** 2;
      ref += (x[i] as number) ** 2;
    }
    expect(err / ref).toBeLessThan(0.05);
  });
});

describe("encodeFlac", () => {
  it("is lossless and writes a complete STREAMINFO (total samples and MD5)", async () => {
    const sampleRate = 32000;
    const x = tone(330, 1.7, sampleRate);
    const bytes = await encodeFlac(x, sampleRate);
    expect(bytes.toString("ascii", 0, 4)).toBe("fLaC");

    const info = flacStreamInfo(bytes);
    expect(info).toMatchObject({ sampleRate, channels: 1, bitsPerSample: 16, totalSamples: x.length });
    const pcm = toInt16(x);
    expect(info.md5).toBe(createHash("md5").update(Buffer.from(pcm.buffer)).digest("hex"));

    const decoded = await decodeFlac(bytes);
    expect(decoded.sampleRate).toBe(sampleRate);
    expect(decoded.samples.length).toBe(x.length);
    for (let i = 0; i < x.length; i++) {
      if (Math.round((decoded.samples[i] as number) * 32768) !== pcm[i]) throw new Error(`sample ${i} differs`);
    }
  });

  it("handles an empty stream", async () => {
    const bytes = await encodeFlac(new Float32Array(0), 32000);
    expect(flacStreamInfo(bytes).totalSamples).toBe(0);
  });
});
