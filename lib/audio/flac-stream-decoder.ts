// Native FLAC through libFLAC (wasm), fed chunk by chunk. The STREAMINFO block at the start of
// the file gives the format and, when the encoder knew it, the total length: that catches a file
// that stops short, which the decoder itself passes over in silence (it just decodes less).
import { FLACDecoder, type FLACDecodedAudio } from "@wasm-audio-decoders/flac";
import { AudioDecodeError, passDecodedAudio, type DecodedStream, type PcmSink, type StreamDecoder } from "./stream-decoder";

/** "fLaC", the 4-byte metadata block header, then the 34-byte STREAMINFO block. */
const STREAM_INFO_END = 42;
const LAST_FRAME_LOOKAHEAD = new Uint8Array(16);

type StreamInfo = { sampleRate: number; channels: number; totalSamples: number };

export class FlacStreamDecoder implements StreamDecoder {
  /** The file's first bytes, held back until STREAMINFO is complete. */
  private head: Uint8Array = new Uint8Array(0);
  private streamInfo: StreamInfo | undefined;
  private frames = 0;

  private constructor(
    private readonly decoder: FLACDecoder,
    private readonly sink: PcmSink,
  ) {}

  static async create(sink: PcmSink): Promise<FlacStreamDecoder> {
    const decoder = new FLACDecoder();
    await decoder.ready;
    return new FlacStreamDecoder(decoder, sink);
  }

  async write(chunk: Uint8Array): Promise<void> {
    if (!this.streamInfo) {
      this.head = Buffer.concat([this.head, chunk]);
      if (this.head.length < STREAM_INFO_END) return;
      this.streamInfo = parseStreamInfo(this.head);
      chunk = this.head;
      this.head = new Uint8Array(0);
    }
    this.emit(await this.decoder.decode(chunk));
  }

  async end(): Promise<DecodedStream> {
    if (!this.streamInfo) throw new AudioDecodeError(`Not a FLAC file: it ends after ${this.head.length} bytes`);
    // The decoder's frame parser (codec-parser 2) drops a last frame shorter than ~14 bytes,
    // such as a short block of digital silence: on flush it stops as soon as it wants more
    // bytes than are left. Zero bytes after the end let it read that frame whole, and they do
    // not disturb its CRC-16 check (a CRC register at zero stays zero through zero bytes).
    this.emit(await this.decoder.decode(LAST_FRAME_LOOKAHEAD));
    this.emit(await this.decoder.flush());
    if (this.frames === 0) throw new AudioDecodeError("FLAC file holds no decodable audio");
    const { totalSamples, sampleRate, channels } = this.streamInfo;
    if (totalSamples > 0 && this.frames < totalSamples) {
      throw new AudioDecodeError(`FLAC file is truncated or corrupt: it declares ${totalSamples} samples, ${this.frames} could be decoded`);
    }
    return { sampleRate, channels, frames: this.frames };
  }

  free(): void {
    this.decoder.free();
  }

  private emit(decoded: FLACDecodedAudio): void {
    this.frames += passDecodedAudio(decoded, this.sink, "FLAC");
  }
}

function parseStreamInfo(head: Uint8Array): StreamInfo {
  const view = new DataView(head.buffer, head.byteOffset, STREAM_INFO_END);
  if (view.getUint32(0) !== 0x664c6143) throw new AudioDecodeError("Not a FLAC file: no fLaC marker"); // "fLaC"
  if ((head[4]! & 0x7f) !== 0) throw new AudioDecodeError("FLAC file does not start with a STREAMINFO block");
  const body = 8;
  // Bits: sample rate (20), channels - 1 (3), bits per sample - 1 (5), total samples (36).
  const rateChannelsBits = view.getUint32(body + 10);
  const sampleRate = rateChannelsBits >>> 12;
  const channels = ((rateChannelsBits >>> 9) & 0x7) + 1;
  const totalSamples = (rateChannelsBits & 0xf) * 2 ** 32 + view.getUint32(body + 14);
  if (sampleRate === 0) throw new AudioDecodeError("FLAC STREAMINFO has a sample rate of 0");
  return { sampleRate, channels, totalSamples };
}
