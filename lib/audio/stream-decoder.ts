// The shape shared by the per-format decoders that decodeStream drives: encoded bytes go in
// chunk by chunk, PCM comes out block by block, and nothing holds the whole track.

/**
 * Receives each decoded block: one Float32Array per channel (-1..1), `frames` samples each, at
 * `sampleRate` (known with the first block, where the channel count of an MP3 is not: see
 * mp3-stream-decoder.ts).
 */
export type PcmSink = (channels: readonly Float32Array[], frames: number, sampleRate: number) => void;

export type DecodedStream = {
  sampleRate: number;
  channels: number;
  /** Length of the audio in sample frames (per channel). */
  frames: number;
};

export interface StreamDecoder {
  /** Decodes the next chunk of the file, passing any PCM it completes to the sink. */
  write(chunk: Uint8Array): Promise<void>;
  /** Flushes the last PCM at the end of the file and checks that the file was complete. */
  end(): Promise<DecodedStream>;
  /** Releases the decoder's (wasm) memory; call once, whether decoding finished or failed. */
  free(): void;
}

/** The audio file is corrupt, truncated or not in the format it was said to be. */
export class AudioDecodeError extends Error {}

/** What the wasm decoders (mpg123-decoder, @wasm-audio-decoders/flac) answer to each chunk. */
type WasmDecodedAudio = {
  channelData: Float32Array[];
  samplesDecoded: number;
  sampleRate: number;
  errors: readonly { message: string; inputBytes: number }[];
};

/**
 * Hands one answer of a wasm decoder to the sink and returns how many frames it held. The
 * wasm decoders report a corrupt frame and go on; here it ends decoding as an AudioDecodeError.
 */
export function passDecodedAudio(decoded: WasmDecodedAudio, sink: PcmSink, formatName: string): number {
  const [error] = decoded.errors;
  if (error) throw new AudioDecodeError(`${formatName} file is corrupt: ${error.message} near byte ${error.inputBytes}`);
  if (decoded.samplesDecoded > 0) sink(decoded.channelData, decoded.samplesDecoded, decoded.sampleRate);
  return decoded.samplesDecoded;
}
