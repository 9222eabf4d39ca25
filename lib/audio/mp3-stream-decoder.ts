// MP3 through mpg123 (wasm) in feed mode: any chunking of the file decodes to the same samples,
// trimmed gaplessly when the file carries a LAME/Xing "Info" tag. mpg123-decoder always hands
// back two channels (a mono file gives two identical ones), so the channel count comes from
// the first frame header, and a file that stops short is caught by the byte count in the tag.
import { MPEGDecoder, type MPEGDecodedAudio } from "mpg123-decoder";
import { parseFrameHeader, type FrameHeader } from "@/lib/audio/mp3-frame-header";
import { AudioDecodeError, passDecodedAudio, type DecodedStream, type PcmSink, type StreamDecoder } from "./stream-decoder";

/** How far past any ID3v2 tag the first audio frame may start. */
const FRAME_SEARCH_BYTES = 64 * 1024;
const ID3V2_HEADER_BYTES = 10;

type FirstFrame = { header: FrameHeader; declaredStreamBytes: number | undefined };

export class Mp3StreamDecoder implements StreamDecoder {
  private bytesIn = 0;
  /** Where the MPEG frames begin, after any ID3v2 tag; unknown until 10 bytes are in. */
  private audioStart: number | undefined;
  /** The file's first bytes (before audioStart is known), then the bytes from audioStart. */
  private head = new Uint8Array(0);
  private firstFrame: FirstFrame | undefined;
  private frames = 0;

  private constructor(
    private readonly decoder: MPEGDecoder,
    private readonly sink: PcmSink,
  ) {}

  static async create(sink: PcmSink): Promise<Mp3StreamDecoder> {
    const decoder = new MPEGDecoder();
    await decoder.ready;
    return new Mp3StreamDecoder(decoder, sink);
  }

  async write(chunk: Uint8Array): Promise<void> {
    if (!this.firstFrame) this.collectHead(chunk);
    this.bytesIn += chunk.length;
    this.emit(this.decoder.decode(chunk));
    if (!this.firstFrame) this.firstFrame = this.findFirstFrame(this.head.length >= FRAME_SEARCH_BYTES);
  }

  async end(): Promise<DecodedStream> {
    this.firstFrame ??= this.findFirstFrame(true);
    if (this.frames === 0) throw new AudioDecodeError("MP3 file holds no decodable audio");
    const { header, declaredStreamBytes } = this.firstFrame;
    // Compared with every byte read, ID3 tag included, so a tag that leaves the ID3 bytes out
    // of its count can never make a whole file look short.
    if (declaredStreamBytes !== undefined && this.bytesIn < declaredStreamBytes) {
      throw new AudioDecodeError(`MP3 file is truncated: its Info tag declares ${declaredStreamBytes} bytes, the file has ${this.bytesIn}`);
    }
    return { sampleRate: header.sampleRate, channels: header.mono ? 1 : 2, frames: this.frames };
  }

  free(): void {
    this.decoder.free();
  }

  private emit(decoded: MPEGDecodedAudio): void {
    this.frames += passDecodedAudio(decoded, this.sink, "MP3");
  }

  /** Keeps the first FRAME_SEARCH_BYTES after any ID3v2 tag, for findFirstFrame. */
  private collectHead(chunk: Uint8Array): void {
    if (this.audioStart === undefined) {
      this.head = Buffer.concat([this.head, chunk]);
      if (this.head.length < ID3V2_HEADER_BYTES) return;
      this.audioStart = id3v2TagBytes(this.head);
      this.head = this.head.subarray(Math.min(this.audioStart, this.head.length), this.audioStart + FRAME_SEARCH_BYTES);
      return;
    }
    const from = Math.max(0, this.audioStart - this.bytesIn); // the rest of a long tag is skipped
    const room = FRAME_SEARCH_BYTES - this.head.length;
    if (from < chunk.length && room > 0) this.head = Buffer.concat([this.head, chunk.subarray(from, from + room)]);
  }

  /**
   * The first frame: a valid header followed by another one (or by the end of the head), with
   * the byte count of its Info/Xing tag if it carries one. Until the head is `final` (full, or
   * the file has ended), undefined when it is too short to tell; once final, an error if the
   * head holds no frame.
   */
  private findFirstFrame(final: true): FirstFrame;
  private findFirstFrame(final: boolean): FirstFrame | undefined;
  private findFirstFrame(final: boolean): FirstFrame | undefined {
    const head = this.head;
    for (let at = 0; at + 4 <= head.length; at++) {
      const header = parseFrameHeader(head, at);
      if (!header) continue;
      const next = at + header.size;
      if (next + 4 > head.length && !final) return undefined;
      if (parseFrameHeader(head, next) || next === head.length) {
        return { header, declaredStreamBytes: infoTagStreamBytes(head, at, header) };
      }
    }
    if (final) throw new AudioDecodeError(`Not an MP3 file: no MPEG audio frame in its first ${head.length} bytes of audio`);
    return undefined;
  }
}

/** Length of the ID3v2 tag that `head` (at least 10 bytes) starts with, or 0. */
function id3v2TagBytes(head: Uint8Array): number {
  if (head[0] !== 0x49 || head[1] !== 0x44 || head[2] !== 0x33) return 0; // "ID3"
  const size = ((head[6]! & 0x7f) << 21) | ((head[7]! & 0x7f) << 14) | ((head[8]! & 0x7f) << 7) | (head[9]! & 0x7f);
  const hasFooter = (head[5]! & 0x10) !== 0;
  return ID3V2_HEADER_BYTES + size + (hasFooter ? ID3V2_HEADER_BYTES : 0);
}

/** The "bytes" field of a Xing/Info tag in the frame at `at`, when there is one. */
function infoTagStreamBytes(head: Uint8Array, at: number, header: FrameHeader): number | undefined {
  const tag = at + 4 + header.sideInfo;
  if (tag + 16 > head.length) return undefined;
  const id = String.fromCharCode(head[tag]!, head[tag + 1]!, head[tag + 2]!, head[tag + 3]!);
  if (id !== "Info" && id !== "Xing") return undefined;
  const view = new DataView(head.buffer, head.byteOffset + tag);
  const flags = view.getUint32(4);
  const hasFrameCount = (flags & 1) !== 0;
  const hasByteCount = (flags & 2) !== 0;
  return hasByteCount ? view.getUint32(hasFrameCount ? 12 : 8) : undefined;
}
