// One pass of a track's file through its decoder: the file streams in a chunk at a time and
// each decoded block goes to the sink, so neither the file nor its PCM is ever held whole (a
// whole 10-minute MP3 decode peaks at ~770 MB). Everything the store step measures (peaks,
// loudness) rides on this single pass.
import type { AudioFormat } from "./format";
import { FlacStreamDecoder } from "./flac-stream-decoder";
import { Mp3StreamDecoder } from "./mp3-stream-decoder";
import type { DecodedStream, PcmSink, StreamDecoder } from "./stream-decoder";
import { WavStreamDecoder } from "./wav-stream-decoder";

/** The most encoded bytes given to a decoder at once, which bounds the PCM of one block. */
const FEED_BYTES = 64 * 1024;

/**
 * Decodes `input` (mp3, wav or flac) as it streams, handing every block of PCM to `sink`.
 * Rejects with AudioDecodeError when the file is corrupt, truncated or not in `format`, and
 * with the input's own error when the input fails; either way the input is cancelled.
 */
export async function decodeStream(
  input: NodeJS.ReadableStream | ReadableStream<Uint8Array>,
  format: AudioFormat,
  sink: PcmSink,
): Promise<DecodedStream> {
  const decoder = await createDecoder(format, sink);
  try {
    for await (const chunk of chunksOf(input)) {
      for (let offset = 0; offset < chunk.length; offset += FEED_BYTES) await decoder.write(chunk.subarray(offset, offset + FEED_BYTES));
    }
    return await decoder.end();
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
    if (typeof chunk === "string") throw new TypeError("decodeStream needs a byte stream, not text");
    yield chunk;
  }
}
