// Test-only helpers for lib/audio: WAV files assembled byte by byte (any layout the decoder
// must cope with), and the peak guarantee of PeakEnvelope checked by brute force.
import { expect } from "vitest";

export type WavEncoding = "pcm-8" | "pcm-16" | "pcm-24" | "pcm-32" | "float-32" | "float-64";
export type RiffChunk = { id: string; body: Uint8Array };

type WavOptions = {
  sampleRate: number;
  /** One array per channel, all the same length. */
  channels: Float32Array[];
  encoding?: WavEncoding;
  /** Writes the fmt chunk as WAVE_FORMAT_EXTENSIBLE. */
  extensible?: boolean;
  chunksBeforeFmt?: RiffChunk[];
  chunksBeforeData?: RiffChunk[];
  chunksAfterData?: RiffChunk[];
  /** Overrides the size written in the data chunk header (e.g. 0xffffffff, "unknown"). */
  declaredDataBytes?: number;
};

export function wavFile({
  sampleRate,
  channels,
  encoding = "pcm-16",
  extensible = false,
  chunksBeforeFmt = [],
  chunksBeforeData = [],
  chunksAfterData = [],
  declaredDataBytes,
}: WavOptions): Buffer {
  const [kind, bitsText] = encoding.split("-") as ["pcm" | "float", string];
  const bits = Number(bitsText);
  const bytesPerSample = bits / 8;
  const frames = channels[0]?.length ?? 0;
  const blockAlign = channels.length * bytesPerSample;

  const fmt = Buffer.alloc(extensible ? 40 : 16);
  const formatTag = kind === "pcm" ? 1 : 3;
  fmt.writeUInt16LE(extensible ? 0xfffe : formatTag, 0);
  fmt.writeUInt16LE(channels.length, 2);
  fmt.writeUInt32LE(sampleRate, 4);
  fmt.writeUInt32LE(sampleRate * blockAlign, 8);
  fmt.writeUInt16LE(blockAlign, 12);
  fmt.writeUInt16LE(bits, 14);
  if (extensible) {
    fmt.writeUInt16LE(22, 16); // cbSize
    fmt.writeUInt16LE(bits, 18); // valid bits
    fmt.writeUInt32LE(0, 20); // channel mask
    fmt.writeUInt16LE(formatTag, 24); // SubFormat GUID, first two bytes; the rest is the fixed suffix
    Buffer.from("000000001000800000aa00389b71", "hex").copy(fmt, 26);
  }

  const data = Buffer.alloc(frames * blockAlign);
  for (let frame = 0, at = 0; frame < frames; frame++) {
    for (const samples of channels) {
      writeSample(data, at, samples[frame]!, encoding);
      at += bytesPerSample;
    }
  }

  const chunks = [...chunksBeforeFmt, { id: "fmt ", body: fmt }, ...chunksBeforeData, { id: "data", body: data }, ...chunksAfterData];
  const parts = chunks.map(({ id, body }) => {
    const header = Buffer.alloc(8);
    header.write(id, 0, "ascii");
    header.writeUInt32LE(id === "data" && declaredDataBytes !== undefined ? declaredDataBytes : body.length, 4);
    return Buffer.concat([header, body, Buffer.alloc(body.length % 2)]);
  });
  const riff = Buffer.alloc(12);
  riff.write("RIFF", 0, "ascii");
  riff.writeUInt32LE(4 + parts.reduce((sum, part) => sum + part.length, 0), 4);
  riff.write("WAVE", 8, "ascii");
  return Buffer.concat([riff, ...parts]);
}

function writeSample(out: Buffer, at: number, value: number, encoding: WavEncoding): void {
  const quantize = (bits: number) => Math.max(-(2 ** (bits - 1)), Math.min(2 ** (bits - 1) - 1, Math.round(value * 2 ** (bits - 1))));
  switch (encoding) {
    case "pcm-8":
      return void out.writeUInt8(quantize(8) + 128, at);
    case "pcm-16":
      return void out.writeInt16LE(quantize(16), at);
    case "pcm-24":
      return void out.writeIntLE(quantize(24), at, 3);
    case "pcm-32":
      return void out.writeInt32LE(quantize(32), at);
    case "float-32":
      return void out.writeFloatLE(value, at);
    case "float-64":
      return void out.writeDoubleLE(value, at);
  }
}

/**
 * Checks peaks against the whole PCM by brute force: each pair must take in the exact min and
 * max of its share of the frames, and may reach less than 1/8 of a pair beyond either edge.
 * `tolerance` allows for rounding of the peaks. Reports every pair that breaks the rule.
 */
export function expectPeaksToCover(peaks: number[], channels: Float32Array[], tolerance: number): void {
  const frames = channels[0]!.length;
  const pairs = peaks.length / 2;
  const extremes = (from: number, to: number) => {
    let min = Infinity;
    let max = -Infinity;
    for (const samples of channels) {
      for (let i = Math.max(0, from); i < Math.min(frames, to); i++) {
        min = Math.min(min, samples[i]!);
        max = Math.max(max, samples[i]!);
      }
    }
    return { min, max };
  };
  const broken: string[] = [];
  for (let pair = 0; pair < pairs; pair++) {
    const start = Math.floor((pair * frames) / pairs);
    const end = Math.floor(((pair + 1) * frames) / pairs);
    const reach = Math.floor((end - start) / 8);
    const exact = extremes(start, end);
    const widest = extremes(start - reach, end + reach);
    const [min, max] = [peaks[pair * 2]!, peaks[pair * 2 + 1]!];
    const minOk = min <= exact.min + tolerance && min >= widest.min - tolerance;
    const maxOk = max >= exact.max - tolerance && max <= widest.max + tolerance;
    if (!minOk || !maxOk) broken.push(`pair ${pair}: [${min}, ${max}], exact [${exact.min}, ${exact.max}], widest [${widest.min}, ${widest.max}]`);
  }
  expect(broken.slice(0, 10)).toEqual([]);
}
