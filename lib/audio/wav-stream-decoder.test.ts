import { describe, expect, it } from "vitest";
import { AudioDecodeError } from "./stream-decoder";
import { wavFile, type WavEncoding } from "@/tests/support/audio-fixtures";
import { WavStreamDecoder } from "./wav-stream-decoder";

/** Decodes `bytes` fed in `chunkSize` pieces; returns the format and every channel's samples. */
async function decode(bytes: Uint8Array, chunkSize = bytes.length) {
  const blocks: Float32Array[][] = [];
  const decoder = new WavStreamDecoder((channels, frames) => blocks.push(channels.map((samples) => samples.slice(0, frames))));
  for (let offset = 0; offset < bytes.length; offset += chunkSize) await decoder.write(bytes.subarray(offset, offset + chunkSize));
  const format = await decoder.end();
  const channels = Array.from({ length: format.channels }, (_, channel) => Float32Array.from(blocks.flatMap((block) => Array.from(block[channel]!))));
  return { ...format, channels };
}

const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (caught: unknown) => caught as Error);

const chunk = (id: string, text: string) => ({ id, body: Buffer.from(text) });

// Multiples of 1/128 within [-1, 127/128]: exact in every encoding, 8-bit included.
const left = Float32Array.from({ length: 1_001 }, (_, i) => ((i * 37) % 256) / 128 - 1);
const right = Float32Array.from({ length: 1_001 }, (_, i) => ((i * 91 + 5) % 256) / 128 - 1);

describe("WavStreamDecoder", () => {
  it.each<WavEncoding>(["pcm-8", "pcm-16", "pcm-24", "pcm-32", "float-32", "float-64"])("decodes %s samples exactly", async (encoding) => {
    const decoded = await decode(wavFile({ sampleRate: 48_000, channels: [left, right], encoding }));
    expect(decoded).toMatchObject({ sampleRate: 48_000, channels: [left, right], frames: left.length });
  });

  it("reads WAVE_FORMAT_EXTENSIBLE files by their sub-format", async () => {
    for (const encoding of ["pcm-24", "float-32"] as const) {
      const decoded = await decode(wavFile({ sampleRate: 96_000, channels: [left], encoding, extensible: true }));
      expect(decoded).toMatchObject({ sampleRate: 96_000, channels: [left] });
    }
  });

  it("skips unknown chunks, odd-sized ones with their pad byte, before and after the samples", async () => {
    const bytes = wavFile({
      sampleRate: 22_050,
      channels: [left, right],
      chunksBeforeFmt: [chunk("JUNK", "odd!!")],
      chunksBeforeData: [chunk("LIST", "INFOISFT\u0005\u0000\u0000\u0000lavf"), chunk("fact", "abc")],
      chunksAfterData: [chunk("id3 ", "trailing tag, ignored")],
    });
    expect(await decode(bytes)).toMatchObject({ sampleRate: 22_050, channels: [left, right], frames: left.length });
  });

  it("decodes the same samples whatever the chunking, down to one byte at a time", async () => {
    const bytes = wavFile({ sampleRate: 8_000, channels: [left, right], encoding: "pcm-24", chunksBeforeData: [chunk("odd ", "x")] });
    const whole = await decode(bytes);
    for (const chunkSize of [1, 5, 7, 4_096]) expect(await decode(bytes, chunkSize)).toEqual(whole);
  });

  it("ends an odd-sized 8-bit mono data chunk at its pad byte", async () => {
    const samples = left.subarray(0, 7);
    const bytes = wavFile({ sampleRate: 8_000, channels: [samples], encoding: "pcm-8", chunksAfterData: [chunk("LIST", "after")] });
    expect(await decode(bytes, 3)).toMatchObject({ channels: [samples], frames: 7 });
  });

  it("reads a data chunk of unknown size (as written to a pipe) to the end of the file", async () => {
    const bytes = wavFile({ sampleRate: 16_000, channels: [left], declaredDataBytes: 0xffffffff });
    expect(await decode(bytes, 333)).toMatchObject({ channels: [left], frames: left.length });
  });

  it.each([
    ["a file that is not RIFF/WAVE", Buffer.from("ID3\u0004 this is an mp3 really, not a wav"), /^Not a WAV file/],
    ["samples before the format", wavFile({ sampleRate: 8_000, channels: [left], chunksBeforeFmt: [chunk("data", "ab")] }), /data chunk comes before the fmt chunk/],
    ["a compressed encoding", adpcmWav(), /Unsupported WAV encoding: format 0x2, 4-bit/],
    ["a block size that does not match", wavFile({ sampleRate: 8_000, channels: [left] }).fill(3, 32, 33), /Inconsistent WAV fmt chunk/],
    ["no data chunk", wavFile({ sampleRate: 8_000, channels: [left] }).subarray(0, 36), /WAV file has no data chunk/],
    ["a file cut inside its header", wavFile({ sampleRate: 8_000, channels: [left] }).subarray(0, 30), /WAV file ends before its fmt chunk/],
    ["a file cut inside its samples", wavFile({ sampleRate: 8_000, channels: [left] }).subarray(0, 1_000), /WAV file is truncated: 1046 bytes of its data chunk are missing/],
    ["an unknown-size file cut mid-frame", wavFile({ sampleRate: 8_000, channels: [left, right], declaredDataBytes: 0xffffffff }).subarray(0, 1_001), /ends mid-frame/],
  ])("rejects %s with AudioDecodeError", async (_name, bytes, message) => {
    const error = await failure(decode(bytes, 100));
    expect(error).toBeInstanceOf(AudioDecodeError);
    expect(error?.message).toMatch(message);
  });
});

/** A well-formed header for IMA ADPCM (format 2), which the decoder does not support. */
function adpcmWav(): Buffer {
  const bytes = wavFile({ sampleRate: 8_000, channels: [left] });
  bytes.writeUInt16LE(2, 20); // format tag
  bytes.writeUInt16LE(4, 34); // bits per sample
  return bytes;
}
