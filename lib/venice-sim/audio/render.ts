// The simulator's audio: prompt → arrangement → synthesis → encoded file bytes.
//
// Output format (chosen for render speed; see README.md in this folder for figures):
//   mp3  — mono, 22 050 Hz, 64 kbps CBR (MPEG-2 Layer III) with a LAME/Info gapless tag;
//          16 000 Hz above LONG_MP3_SECONDS (240 s) to keep 10-minute renders quick
//   wav  — mono, 32 000 Hz, 16-bit PCM
//   flac — mono, 32 000 Hz, 16-bit
// Length: exactly round(seconds × rate) samples (mp3: after the decoder honours the gapless tag).
// Deterministic: the same options always give the same bytes.

import type { AudioFormat } from "@/lib/audio/format";
import { arrangeTrack, type Arrangement } from "./arrangement";
import { encodeFlac } from "./encode-flac";
import { encodeMp3 } from "./encode-mp3";
import { encodeWav } from "./encode-wav";
import { renderArrangement } from "./synth";

export const CONTENT_TYPES: Record<AudioFormat, string> = {
  mp3: "audio/mpeg",
  wav: "audio/wav",
  flac: "audio/flac",
};

export type FormatSpec = { sampleRate: number; channels: 1; kbps?: number };

export const FORMAT_SPECS: Record<AudioFormat, FormatSpec> = {
  mp3: { sampleRate: 22050, channels: 1, kbps: 64 },
  wav: { sampleRate: 32000, channels: 1 },
  flac: { sampleRate: 32000, channels: 1 },
};

/** MP3s longer than this are rendered at 16 kHz: lamejs costs ~1.1 s of CPU per minute of
 *  audio at 22.05 kHz but ~0.65 s at 16 kHz, which matters for 10-minute tracks. */
export const LONG_MP3_SECONDS = 240;
const LONG_MP3: FormatSpec = { sampleRate: 16000, channels: 1, kbps: 64 };

/** Sample rate, channels and bitrate used for a render of this format and length. */
export function formatSpec(format: AudioFormat, seconds: number): FormatSpec {
  if (format === "mp3" && seconds > LONG_MP3_SECONDS) return LONG_MP3;
  return FORMAT_SPECS[format];
}

export type RenderOptions = {
  prompt: string;
  seconds: number;
  format: AudioFormat;
  loop?: boolean;
  instrumental?: boolean;
  lyrics?: string;
};

export async function renderTrack(opts: RenderOptions): Promise<Buffer> {
  return (await renderTrackDetailed(opts)).bytes;
}

/** Same as renderTrack, also returning the musical plan and the PCM (for tests and tooling). */
export async function renderTrackDetailed(opts: RenderOptions): Promise<{ bytes: Buffer; arrangement: Arrangement; sampleRate: number; samples: number }> {
  if (!Number.isFinite(opts.seconds) || opts.seconds < 0) throw new RangeError(`seconds must be a non-negative number, got ${opts.seconds}`);
  if (!(opts.format in FORMAT_SPECS)) throw new RangeError(`unsupported audio format: ${String(opts.format)}`);
  const spec = formatSpec(opts.format, opts.seconds);
  const arrangement = arrangeTrack(opts);
  const pcm = await renderArrangement(arrangement, spec.sampleRate);
  let bytes: Buffer;
  switch (opts.format) {
    case "wav":
      bytes = encodeWav(pcm, spec.sampleRate);
      break;
    case "mp3":
      bytes = await encodeMp3(pcm, spec.sampleRate, spec.kbps ?? 64);
      break;
    case "flac":
      bytes = await encodeFlac(pcm, spec.sampleRate);
      break;
  }
  return { bytes, arrangement, sampleRate: spec.sampleRate, samples: pcm.length };
}
