// Streams a generated body into LocalDiskStorage and reports how much memory that took.
// Run: npx tsx bench/storage-stream.ts [megabytes]   (default 50)
// Prints the size, wall time, throughput and the peak RSS growth over the RSS before the put:
// a streaming put should grow by a few chunks and buffers, not by the size of the body.

import { createHash } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { LocalDiskStorage } from "../lib/storage/local-disk-storage";
import { peakRssBytes } from "./peak-rss";

const CHUNK_BYTES = 64 * 1024;
const MB = 1024 * 1024;

/** `totalBytes` of pseudo-random data in fresh 64 KiB chunks, as a network body would arrive. */
function generatedBody(totalBytes: number, hash: ReturnType<typeof createHash>): ReadableStream<Uint8Array> {
  let sent = 0;
  let state = 0x9e3779b9;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      const chunk = new Uint8Array(Math.min(CHUNK_BYTES, totalBytes - sent));
      const words = new Uint32Array(chunk.buffer, 0, chunk.length >>> 2);
      for (let i = 0; i < words.length; i++) {
        state ^= state << 13;
        state ^= state >>> 17;
        state ^= state << 5;
        words[i] = state >>> 0;
      }
      hash.update(chunk);
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
}

async function main(): Promise<void> {
  const megabytes = Number(process.argv[2] ?? 50);
  const root = await mkdtemp(path.join(tmpdir(), "bench-storage-"));
  try {
    const storage = new LocalDiskStorage(root);
    const expected = createHash("sha256");
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const stored = await storage.put("bench/track.wav", generatedBody(megabytes * MB, expected));
    const seconds = (performance.now() - started) / 1000;
    const peakGrowth = peakRssBytes() - rssBefore;

    if (stored.sha256 !== expected.digest("hex")) throw new Error("stored SHA-256 differs from the generated body's");
    console.log(`bytes            ${stored.bytes} (${(stored.bytes / MB).toFixed(1)} MiB in ${CHUNK_BYTES / 1024} KiB chunks)`);
    console.log(`time             ${(seconds * 1000).toFixed(0)} ms (${(stored.bytes / MB / seconds).toFixed(0)} MiB/s, fsync and rename included)`);
    console.log(`peak RSS growth  ${(Math.max(0, peakGrowth) / MB).toFixed(1)} MiB (RSS before: ${(rssBefore / MB).toFixed(1)} MiB)`);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
