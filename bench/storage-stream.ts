// Streams a generated body into LocalDiskStorage and reports how much memory that took.
// Run: npx tsx bench/storage-stream.ts [megabytes]   (default 500)
// Prints the size, wall time, throughput and the peak RSS growth over the RSS before the put:
// a streaming put should grow by a few chunks and buffers, not by the size of the body.
// Target: peak RSS growth ≤ 64 MiB (a fixed bound: ~30 MiB whether the body is 50 or 500 MiB).

import { createHash } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { LocalDiskStorage } from "../lib/storage/local-disk-storage";
import { peakRssBytes } from "./peak-rss";
import { reportFigures } from "./report";

const CHUNK_BYTES = 64 * 1024;
const MB = 1024 * 1024;
const TARGET_GROWTH_MB = 64;

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
  const megabytes = Number(process.argv[2] ?? 500);
  const root = await mkdtemp(path.join(tmpdir(), "bench-storage-"));
  try {
    const storage = new LocalDiskStorage(root);
    const expected = createHash("sha256");
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const stored = await storage.put("bench/track.wav", generatedBody(megabytes * MB, expected));
    const seconds = (performance.now() - started) / 1000;
    const peakGrowthMB = Math.max(0, peakRssBytes() - rssBefore) / MB;

    if (stored.sha256 !== expected.digest("hex")) throw new Error("stored SHA-256 differs from the generated body's");
    reportFigures(
      "storage-stream",
      [
        { figure: `peak RSS growth storing ${(stored.bytes / MB).toFixed(0)} MiB`, value: `+${peakGrowthMB.toFixed(1)} MiB`, target: `≤ ${TARGET_GROWTH_MB} MiB`, pass: peakGrowthMB <= TARGET_GROWTH_MB },
        { figure: "throughput (fsync and rename included)", value: `${(stored.bytes / MB / seconds).toFixed(0)} MiB/s` },
      ],
      `LocalDiskStorage.put of ${stored.bytes} bytes in ${CHUNK_BYTES / 1024} KiB chunks in ${(seconds * 1000).toFixed(0)} ms; RSS before: ${(rssBefore / MB).toFixed(1)} MiB.`,
    );
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
