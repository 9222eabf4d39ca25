// 16-bit mono FLAC via libflacjs (libFLAC 1.3 compiled to WebAssembly), fed in chunks.
//
// libFLAC in stream mode cannot seek back, so the STREAMINFO it writes first lacks the final
// frame sizes and the MD5 of the audio. We patch STREAMINFO afterwards from the metadata the
// encoder reports on finish: min/max frame size, total samples and MD5.
//
// Loading: emscripten's loader prefers fetch() when it exists, which fails for a file path in
// Node (see shared/STACK-NOTES.md), so fetch is hidden for the synchronous require() only.

import { createRequire } from "node:module";
import type LibFlacFactory from "libflacjs";
import { cooperative } from "./cooperative";
import { floatToInt16In32 } from "./pcm";

type Flac = LibFlacFactory.Flac;

let loading: Promise<Flac> | null = null;

export function loadFlac(): Promise<Flac> {
  if (!loading) {
    loading = new Promise<Flac>((resolve, reject) => {
      // import.meta.url is a file: URL under Node ESM, tsx and vitest; fall back to the cwd
      // (the project root) for bundlers that rewrite it.
      const metaUrl = (import.meta as { url?: string }).url;
      const require = createRequire(typeof metaUrl === "string" && metaUrl.startsWith("file:") ? metaUrl : `${process.cwd()}/package.json`);
      const g = globalThis as { fetch?: typeof fetch };
      const savedFetch = g.fetch;
      let flac: Flac;
      try {
        g.fetch = undefined;
        const factory = require("libflacjs") as typeof LibFlacFactory;
        flac = factory("wasm");
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
        return;
      } finally {
        g.fetch = savedFetch;
      }
      if (flac.isReady()) resolve(flac);
      else flac.on("ready", () => resolve(flac));
    });
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}

type StreamInfo = { min_framesize: number; max_framesize: number; total_samples: number; md5sum: string };

export async function encodeFlac(pcm: Float32Array, sampleRate: number, compression: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 = 5): Promise<Buffer> {
  const flac = await loadFlac();
  const encoder = flac.create_libflac_encoder(sampleRate, 1, 16, compression, pcm.length, false, 0);
  if (!encoder) throw new Error("libflac: could not create an encoder");
  const parts: Buffer[] = [];
  let info: StreamInfo | null = null;
  try {
    const status = flac.init_encoder_stream(
      encoder,
      (data: Uint8Array) => {
        parts.push(Buffer.from(data)); // copies: libflac reuses its output memory
      },
      (meta) => {
        info = meta as unknown as StreamInfo;
      },
    );
    if (status !== 0) throw new Error(`libflac: init failed with status ${status}`);
    const pause = cooperative();
    const chunk = new Int32Array(4096 * 16);
    for (let from = 0; from < pcm.length; from += chunk.length) {
      const n = floatToInt16In32(pcm, from, chunk);
      if (!flac.FLAC__stream_encoder_process_interleaved(encoder, chunk, n)) throw new Error("libflac: encoding failed");
      await pause();
    }
    if (!flac.FLAC__stream_encoder_finish(encoder)) throw new Error("libflac: finishing the stream failed");
  } finally {
    flac.FLAC__stream_encoder_delete(encoder);
  }
  const out = Buffer.concat(parts);
  if (info) patchStreamInfo(out, info);
  return out;
}

/** Rewrites the STREAMINFO fields that a non-seekable stream encoder leaves provisional. */
function patchStreamInfo(file: Buffer, info: StreamInfo): void {
  if (file.toString("ascii", 0, 4) !== "fLaC" || ((file[4] as number) & 0x7f) !== 0) return;
  const s = 8; // STREAMINFO body: after "fLaC" and the 4-byte block header
  file.writeUIntBE(info.min_framesize, s + 4, 3);
  file.writeUIntBE(info.max_framesize, s + 7, 3);
  // Total samples: 36 bits = the low nibble of byte 13 and bytes 14–17.
  const total = info.total_samples;
  file[s + 13] = ((file[s + 13] as number) & 0xf0) | (Math.floor(total / 2 ** 32) & 0x0f);
  file.writeUInt32BE(total >>> 0, s + 14);
  if (/^[0-9a-f]{32}$/i.test(info.md5sum)) Buffer.from(info.md5sum, "hex").copy(file, s + 18);
}
