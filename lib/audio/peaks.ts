// Waveform peaks of a track, computed while its file streams past: the file is decoded a chunk
// at a time and each decoded block only updates a fixed-size min/max envelope, so neither the
// file nor its PCM is ever held whole (a whole 10-minute MP3 decode peaks at ~770 MB).
import type { AudioFormat } from "./format";
import { FlacStreamDecoder } from "./flac-stream-decoder";
import { Mp3StreamDecoder } from "./mp3-stream-decoder";
import { PeakEnvelope } from "./peak-envelope";
import type { PcmSink, StreamDecoder } from "./stream-decoder";
import { WavStreamDecoder } from "./wav-stream-decoder";
import type { Waveform } from "./waveform";

export const DEFAULT_PEAK_PAIRS = 2000;

/** The most encoded bytes given to a decoder at once, which bounds the PCM of one block. */
const FEED_BYTES = 64 * 1024;

export type ComputedPeaks = Waveform & { sampleRate: number; channels: number };

/**
 * Decodes `input` (mp3, wav or flac) as it streams and returns `pairs` (default 2000) min/max
 * pairs over the whole track, interleaved, in -1..1 rounded to 4 decimals; a track of fewer
 * sample frames than `pairs` gets one pair per frame. Peaks take every channel into account.
 * Rejects with AudioDecodeError when the file is corrupt, truncated or not in `format`, and
 * with the input's own error when the input fails; either way the input is cancelled.
 */
export async function computePeaks(
  input: NodeJS.ReadableStream | ReadableStream<Uint8Array>,
  format: AudioFormat,
  opts: { pairs?: number } = {},
): Promise<ComputedPeaks> {
  const envelope = new PeakEnvelope(opts.pairs ?? DEFAULT_PEAK_PAIRS);
  const decoder = await createDecoder(format, (channels, frames) => envelope.add(channels, frames));
  try {
    for await (const chunk of chunksOf(input)) {
      for (let offset = 0; offset < chunk.length; offset += FEED_BYTES) await decoder.write(chunk.subarray(offset, offset + FEED_BYTES));
    }
    const { sampleRate, channels, frames } = await decoder.end();
    return {
      peaks: envelope.toPairs().map(roundPeak),
      durationMs: Math.round((frames / sampleRate) * 1000),
      sampleRate,
      channels,
    };
  } finally {
    decoder.free();
  }
}

function createDecoder(format: AudioFormat, sink: PcmSink): Promise<StreamDecoder> {
  switch (format) {
    case "mp3":
      return Mp3StreamDecoder.create(sink);
    case "flac":
      return FlacStreamDecoder.create(sink);
    case "wav":
      return Promise.resolve(new WavStreamDecoder(sink));
    default:
      throw new RangeError(`Unsupported audio format: ${String(format)}`);
  }
}

/** The input's chunks; stopping early cancels a web stream (a Node stream is destroyed). */
async function* chunksOf(input: NodeJS.ReadableStream | ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  if ("getReader" in input) {
    const reader = input.getReader();
    try {
      for (let next = await reader.read(); !next.done; next = await reader.read()) yield next.value;
    } finally {
      reader.cancel().catch(() => {}); // a no-op once the stream has ended
    }
    return;
  }
  for await (const chunk of input) {
    if (typeof chunk === "string") throw new TypeError("computePeaks needs a byte stream, not text");
    yield chunk;
  }
}

function roundPeak(value: number): number {
  // Clamped, since float WAVs may exceed full scale; "+ 0" turns -0 into 0.
  return Math.round(Math.min(1, Math.max(-1, value)) * 10_000) / 10_000 + 0;
}
