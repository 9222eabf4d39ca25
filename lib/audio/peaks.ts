// What the store step learns from a track's file in one streaming decode: its waveform peaks
// (a fixed-size min/max envelope) and its integrated loudness (BS.1770), neither of which
// holds the file or its PCM.
import { decodeStream } from "./decode-stream";
import type { AudioFormat } from "./format";
import { LoudnessMeter, MIN_LOUDNESS_SAMPLE_RATE } from "./loudness";
import { PeakEnvelope } from "./peak-envelope";
import type { Waveform } from "./waveform";

export const DEFAULT_PEAK_PAIRS = 2000;

export type ComputedPeaks = Waveform & {
  sampleRate: number;
  channels: number;
  /** Integrated loudness (LUFS, to 0.01 LU); null for silence, under 400 ms, or under 8 kHz. */
  loudnessLufs: number | null;
};

/**
 * Decodes `input` (mp3, wav or flac) as it streams and returns `pairs` (default 2000) min/max
 * pairs over the whole track, interleaved, in -1..1 rounded to 4 decimals, and the track's
 * loudness; a track of fewer sample frames than `pairs` gets one pair per frame. Peaks take
 * every channel into account. Rejects with AudioDecodeError when the file is corrupt,
 * truncated or not in `format`, and with the input's own error when the input fails; either
 * way the input is cancelled.
 */
export async function computePeaks(
  input: NodeJS.ReadableStream | ReadableStream<Uint8Array>,
  format: AudioFormat,
  opts: { pairs?: number } = {},
): Promise<ComputedPeaks> {
  const envelope = new PeakEnvelope(opts.pairs ?? DEFAULT_PEAK_PAIRS);
  // Made with the first block, the first moment the sample rate is known.
  let meter: LoudnessMeter | null | undefined;
  const { sampleRate, channels, frames } = await decodeStream(input, format, (pcm, blockFrames, blockRate) => {
    envelope.add(pcm, blockFrames);
    meter ??= blockRate >= MIN_LOUDNESS_SAMPLE_RATE ? new LoudnessMeter(blockRate, pcm.length) : null;
    meter?.add(pcm, blockFrames);
  });
  const lufs = meter?.integratedLufs(channels) ?? null;
  return {
    peaks: envelope.toPairs().map(roundPeak),
    durationMs: Math.round((frames / sampleRate) * 1000),
    sampleRate,
    channels,
    loudnessLufs: lufs === null ? null : Math.round(lufs * 100) / 100,
  };
}

function roundPeak(value: number): number {
  // Clamped, since float WAVs may exceed full scale; "+ 0" turns -0 into 0.
  return Math.round(Math.min(1, Math.max(-1, value)) * 10_000) / 10_000 + 0;
}
