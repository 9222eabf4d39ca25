// RIFF/WAVE, read as it streams in: the header chunks are parsed as soon as they are complete,
// chunks other than "fmt " and "data" are skipped without being kept, and the samples of the
// "data" chunk go to the sink a chunk of input at a time. Integer PCM (8/16/24/32-bit) and IEEE
// float (32/64-bit), plain or WAVE_FORMAT_EXTENSIBLE. Chunks are word-aligned: a chunk of odd
// size is followed by one pad byte.
import { AudioDecodeError, type DecodedStream, type PcmSink, type StreamDecoder } from "./stream-decoder";

const WAVE_FORMAT_PCM = 1;
const WAVE_FORMAT_IEEE_FLOAT = 3;
const WAVE_FORMAT_EXTENSIBLE = 0xfffe;
/** A data chunk size some streaming writers use when they cannot know the length. */
const UNKNOWN_DATA_SIZE = 0xffffffff;
/** A "fmt " chunk is 16 to 40 bytes; anything far bigger is not a WAV file. */
const MAX_FMT_BYTES = 1024;
const NEEDS_MORE = null;

type SampleReader = (view: DataView, byteOffset: number) => number;

const SAMPLE_READERS: Record<string, SampleReader> = {
  "pcm-8": (view, at) => (view.getUint8(at) - 128) / 128, // 8-bit WAV is unsigned
  "pcm-16": (view, at) => view.getInt16(at, true) / 32768,
  "pcm-24": (view, at) => (view.getUint8(at) | (view.getUint8(at + 1) << 8) | (view.getInt8(at + 2) << 16)) / 8388608,
  "pcm-32": (view, at) => view.getInt32(at, true) / 2147483648,
  "float-32": (view, at) => view.getFloat32(at, true),
  "float-64": (view, at) => view.getFloat64(at, true),
};

type Format = { channels: number; sampleRate: number; bytesPerFrame: number; bytesPerSample: number; readSample: SampleReader };

type State =
  | { step: "riff-header" }
  | { step: "chunk-header" }
  | { step: "fmt-body"; bytes: number; padded: boolean }
  | { step: "skip"; bytes: number }
  | { step: "data"; remaining: number }
  | { step: "after-data" };

export class WavStreamDecoder implements StreamDecoder {
  private state: State = { step: "riff-header" };
  /** Bytes of an incomplete header or sample frame, waiting for the next chunk. */
  private pending: Uint8Array = new Uint8Array(0);
  private format: Format | undefined;
  private frames = 0;

  constructor(private readonly sink: PcmSink) {}

  async write(chunk: Uint8Array): Promise<void> {
    const bytes = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    let offset = 0;
    for (let used = this.step(bytes); used !== NEEDS_MORE; used = this.step(bytes.subarray(offset))) offset += used;
    this.pending = bytes.slice(offset);
  }

  async end(): Promise<DecodedStream> {
    const { step } = this.state;
    if (step === "riff-header" || step === "chunk-header" || step === "fmt-body" || step === "skip") {
      throw new AudioDecodeError(this.format ? "WAV file has no data chunk" : "WAV file ends before its fmt chunk");
    }
    if (step === "data" && this.state.remaining !== UNKNOWN_DATA_SIZE) {
      throw new AudioDecodeError(`WAV file is truncated: ${this.state.remaining - this.pending.length} bytes of its data chunk are missing`);
    }
    if (step === "data" && this.pending.length > 0) throw new AudioDecodeError("WAV file is truncated: it ends mid-frame");
    const { channels, sampleRate } = this.format!;
    return { sampleRate, channels, frames: this.frames };
  }

  free(): void {} // plain TypeScript: nothing to release

  /** Takes one step through `bytes`; returns how many bytes it used, or NEEDS_MORE. */
  private step(bytes: Uint8Array): number | typeof NEEDS_MORE {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    switch (this.state.step) {
      case "riff-header": {
        if (bytes.length < 12) return NEEDS_MORE;
        if (ascii(bytes, 0) !== "RIFF" || ascii(bytes, 8) !== "WAVE") throw new AudioDecodeError("Not a WAV file: no RIFF/WAVE header");
        this.state = { step: "chunk-header" };
        return 12;
      }
      case "chunk-header": {
        if (bytes.length < 8) return NEEDS_MORE;
        const id = ascii(bytes, 0);
        const size = view.getUint32(4, true);
        if (id === "fmt ") {
          if (size < 16 || size > MAX_FMT_BYTES) throw new AudioDecodeError(`WAV fmt chunk has an invalid size of ${size} bytes`);
          this.state = { step: "fmt-body", bytes: size, padded: size % 2 === 1 };
        } else if (id === "data") {
          if (!this.format) throw new AudioDecodeError("WAV data chunk comes before the fmt chunk");
          this.state = { step: "data", remaining: size };
        } else {
          this.state = { step: "skip", bytes: size + (size % 2) };
        }
        return 8;
      }
      case "fmt-body": {
        const { bytes: size, padded } = this.state;
        if (bytes.length < size + (padded ? 1 : 0)) return NEEDS_MORE;
        this.format = parseFormat(view);
        this.state = { step: "chunk-header" };
        return size + (padded ? 1 : 0);
      }
      case "skip": {
        if (bytes.length === 0 && this.state.bytes > 0) return NEEDS_MORE;
        const skipped = Math.min(this.state.bytes, bytes.length);
        this.state = skipped === this.state.bytes ? { step: "chunk-header" } : { step: "skip", bytes: this.state.bytes - skipped };
        return skipped;
      }
      case "data":
        return this.decodeSamples(view, this.state.remaining);
      case "after-data":
        // Trailing chunks (LIST, id3, …) say nothing about the samples.
        return bytes.length === 0 ? NEEDS_MORE : bytes.length;
    }
  }

  private decodeSamples(view: DataView, remaining: number): number | typeof NEEDS_MORE {
    const { channels, sampleRate, bytesPerFrame, bytesPerSample, readSample } = this.format!;
    const frames = Math.floor(Math.min(view.byteLength, remaining) / bytesPerFrame);
    if (frames > 0) {
      const pcm = Array.from({ length: channels }, () => new Float32Array(frames));
      for (let frame = 0, at = 0; frame < frames; frame++) {
        for (let channel = 0; channel < channels; channel++, at += bytesPerSample) pcm[channel]![frame] = readSample(view, at);
      }
      this.sink(pcm, frames, sampleRate);
      this.frames += frames;
    }
    const used = frames * bytesPerFrame;
    if (remaining === UNKNOWN_DATA_SIZE) return frames > 0 ? used : NEEDS_MORE;
    if (remaining - used < bytesPerFrame) {
      // Only a partial frame (invalid) or nothing is left of the chunk: the samples are done.
      this.state = { step: "after-data" };
      return used;
    }
    if (frames === 0) return NEEDS_MORE;
    this.state = { step: "data", remaining: remaining - used };
    return used;
  }
}

function parseFormat(view: DataView): Format {
  let encoding = view.getUint16(0, true);
  const channels = view.getUint16(2, true);
  const sampleRate = view.getUint32(4, true);
  const blockAlign = view.getUint16(12, true);
  const bitsPerSample = view.getUint16(14, true);
  // WAVE_FORMAT_EXTENSIBLE names the real encoding in the first two bytes of its SubFormat GUID.
  if (encoding === WAVE_FORMAT_EXTENSIBLE && view.byteLength >= 26) encoding = view.getUint16(24, true);
  const kind = encoding === WAVE_FORMAT_PCM ? "pcm" : encoding === WAVE_FORMAT_IEEE_FLOAT ? "float" : `format 0x${encoding.toString(16)}`;
  const readSample = SAMPLE_READERS[`${kind}-${bitsPerSample}`];
  if (!readSample) throw new AudioDecodeError(`Unsupported WAV encoding: ${kind}, ${bitsPerSample}-bit`);
  const bytesPerSample = bitsPerSample / 8;
  if (channels < 1 || sampleRate < 1 || blockAlign !== channels * bytesPerSample) {
    throw new AudioDecodeError(`Inconsistent WAV fmt chunk: ${channels} channels, ${sampleRate} Hz, block align ${blockAlign}`);
  }
  return { channels, sampleRate, bytesPerFrame: blockAlign, bytesPerSample, readSample };
}

function ascii(bytes: Uint8Array, at: number): string {
  return String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
}
