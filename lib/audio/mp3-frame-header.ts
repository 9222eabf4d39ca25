// MPEG audio Layer III frame headers: enough to walk a stream frame by frame. Used by the
// streaming decoder (peaks) and by the simulator's encoder when it writes the gapless tag.

export const BITRATES_V1 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
export const BITRATES_V2 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
const SAMPLE_RATES: Record<number, number[]> = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] };

export type FrameHeader = {
  version: number; // 3 = MPEG-1, 2 = MPEG-2, 0 = MPEG-2.5
  bitrateIndex: number;
  sampleRate: number;
  padding: number;
  mono: boolean;
  size: number; // bytes
  samples: number; // per frame
  sideInfo: number; // bytes after the 4-byte header
};

export function parseFrameHeader(buf: Uint8Array, offset: number): FrameHeader | null {
  if (offset + 4 > buf.length) return null;
  const b1 = buf[offset + 1] as number;
  const b2 = buf[offset + 2] as number;
  const b3 = buf[offset + 3] as number;
  if (buf[offset] !== 0xff || (b1 & 0xe0) !== 0xe0) return null;
  const version = (b1 >> 3) & 3;
  const layer = (b1 >> 1) & 3;
  if (version === 1 || layer !== 1) return null; // Layer III only
  const bitrateIndex = b2 >> 4;
  const srIndex = (b2 >> 2) & 3;
  const sampleRate = SAMPLE_RATES[version]?.[srIndex];
  if (!sampleRate || bitrateIndex === 0 || bitrateIndex === 15) return null;
  const v1 = version === 3;
  const kbps = (v1 ? BITRATES_V1 : BITRATES_V2)[bitrateIndex] as number;
  const padding = (b2 >> 1) & 1;
  const mono = b3 >> 6 === 3;
  const size = Math.floor(((v1 ? 144000 : 72000) * kbps) / sampleRate) + padding;
  const samples = v1 ? 1152 : 576;
  const sideInfo = v1 ? (mono ? 17 : 32) : mono ? 9 : 17;
  return { version, bitrateIndex, sampleRate, padding, mono, size, samples, sideInfo };
}
