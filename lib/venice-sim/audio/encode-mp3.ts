// MP3 (MPEG Layer III, CBR, mono) via the pure-JS lamejs encoder, fed in chunks.
//
// lamejs writes bare frames: no Xing/LAME header, so a decoder cannot know the encoder delay
// (576 samples, plus the decoder's own 529) or the padding that fills the last frame, and the
// decoded audio would be ~0.1 s longer than asked for. We therefore prepend a LAME-style "Info"
// frame (as LAME itself does for CBR files) carrying the frame count, byte count, a seek TOC and
// the encoder delay/padding. Gapless-aware decoders (mpg123, ffmpeg/browsers, mpg123-decoder)
// then return exactly the rendered sample count; others play one extra silent frame plus the
// usual delay/padding (≤ ~0.15 s at 22.05 kHz).

import type { Mp3Encoder as Mp3EncoderClass } from "@breezystack/lamejs";
import { cooperative } from "./cooperative";
import { floatToInt16 } from "./pcm";
import { BITRATES_V1, BITRATES_V2, parseFrameHeader } from "@/lib/audio/mp3-frame-header";

type LameModule = { Mp3Encoder?: typeof Mp3EncoderClass; default?: { Mp3Encoder?: typeof Mp3EncoderClass } };

let lame: Promise<typeof Mp3EncoderClass> | null = null;

/** lamejs's "require" entry is a browser IIFE that exports nothing, so always load its ES
 *  module build through import() (works from CommonJS callers such as tsx scripts too). */
function loadLame(): Promise<typeof Mp3EncoderClass> {
  lame ??= import("@breezystack/lamejs").then((m: LameModule) => {
    const ctor = m.Mp3Encoder ?? m.default?.Mp3Encoder;
    if (!ctor) throw new Error("@breezystack/lamejs: Mp3Encoder not found");
    return ctor;
  });
  return lame;
}

/** Samples LAME inserts before the audio (its ENCDELAY); decoders add 529 of their own. */
export const LAME_ENCODER_DELAY = 576;

export async function encodeMp3(pcm: Float32Array, sampleRate: number, kbps: number): Promise<Buffer> {
  const Mp3Encoder = await loadLame();
  const encoder = new Mp3Encoder(1, sampleRate, kbps);
  const pause = cooperative();
  const chunk = new Int16Array(1152 * 16);
  const parts: Buffer[] = [];
  const keep = (data: Int8Array | Uint8Array) => {
    if (data.length > 0) parts.push(Buffer.from(data.buffer, data.byteOffset, data.length));
  };
  for (let from = 0; from < pcm.length; from += chunk.length) {
    const n = floatToInt16(pcm, from, chunk);
    // lamejs returns a fresh copy per call, so wrapping its buffer is safe.
    keep(encoder.encodeBuffer(chunk.subarray(0, n)));
    await pause();
  }
  keep(encoder.flush());
  const audio = Buffer.concat(parts);
  const info = infoFrame(audio, pcm.length, kbps);
  return info ? Buffer.concat([info, audio]) : audio;
}

// ---------------------------------------------------------------------------------------------
// The Info/LAME tag

function infoFrame(audio: Buffer, sampleCount: number, kbps: number): Buffer | null {
  const first = parseFrameHeader(audio, 0);
  if (!first) return null;
  let frames = 0;
  for (let off = 0; off < audio.length; ) {
    const h = parseFrameHeader(audio, off);
    if (!h) return null; // unexpected stream layout: leave it untagged rather than lie
    frames++;
    off += h.size;
  }
  const padding = frames * first.samples - sampleCount - LAME_ENCODER_DELAY;
  if (padding < 0 || padding > 0xfff) return null;

  // The tag needs ~170–192 bytes: use the stream's bitrate, or the next one that fits.
  const tagEnd = 4 + first.sideInfo + 120 + 36;
  const table = first.version === 3 ? BITRATES_V1 : BITRATES_V2;
  let bitrateIndex = first.bitrateIndex;
  let size = 0;
  for (; bitrateIndex < 15; bitrateIndex++) {
    size = Math.floor(((first.version === 3 ? 144000 : 72000) * (table[bitrateIndex] as number)) / first.sampleRate);
    if (size >= tagEnd) break;
  }
  if (size < tagEnd) return null;

  const frame = Buffer.alloc(size);
  frame[0] = 0xff;
  frame[1] = audio[1] as number; // same version/layer, no CRC
  frame[2] = (bitrateIndex << 4) | ((audio[2] as number) & 0x0c); // same sample rate, no padding
  frame[3] = audio[3] as number; // same channel mode
  let p = 4 + first.sideInfo;
  frame.write("Info", p, "ascii"); // "Info" = CBR (a "Xing" tag would mean VBR)
  frame.writeUInt32BE(0x0f, p + 4); // frames, bytes, TOC and quality fields present
  frame.writeUInt32BE(frames, p + 8); // audio frames, not counting this one
  frame.writeUInt32BE(size + audio.length, p + 12);
  for (let i = 0; i < 100; i++) frame[p + 16 + i] = Math.floor((i * 256) / 100); // CBR: linear TOC
  frame.writeUInt32BE(0, p + 116); // quality indicator (unused)
  p += 120;
  // LAME extension (36 bytes).
  frame.write("LAME3.100", p, "ascii");
  frame[p + 9] = 0x01; // tag revision 0, VBR method 1 = CBR
  frame[p + 10] = 0; // lowpass unknown
  // p+11..p+18: peak amplitude and ReplayGain, left zero; p+19: encoding flags / ATH type
  frame[p + 20] = Math.min(255, kbps);
  frame[p + 21] = LAME_ENCODER_DELAY >> 4;
  frame[p + 22] = ((LAME_ENCODER_DELAY & 0x0f) << 4) | (padding >> 8);
  frame[p + 23] = padding & 0xff;
  // p+24: misc, p+25: MP3 gain, p+26..27: preset/surround
  frame.writeUInt32BE(size + audio.length, p + 28); // music length incl. this frame
  frame.writeUInt16BE(crc16(audio, 0, audio.length), p + 32); // music CRC
  frame.writeUInt16BE(crc16(frame, 0, p + 34), p + 34); // tag CRC over everything before it
  return frame;
}

const CRC16_TABLE = (() => {
  const t = new Uint16Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xa001 : c >>> 1;
    t[i] = c;
  }
  return t;
})();

/** CRC-16/ARC (polynomial 0x8005, reflected), as LAME uses for its tag. */
export function crc16(data: Uint8Array, from: number, to: number): number {
  let crc = 0;
  for (let i = from; i < to; i++) crc = (crc >>> 8) ^ (CRC16_TABLE[(crc ^ (data[i] as number)) & 0xff] as number);
  return crc & 0xffff;
}
