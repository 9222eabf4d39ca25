// bench/stream-track: a 100 MiB track streamed through the studio's audio route, from local
// disk and from S3, and how much memory that takes.
// Run: npx tsx --conditions=react-server bench/stream-track.ts [mebibytes]   (default 100)
//
// The parent starts an embedded PostgreSQL and s3rver (tests/support/s3.ts), then measures
// each storage kind in a fresh child process of its own, so the figures count neither server
// and each starts from the same baseline. The child stores a WAV of that size (a real header,
// then a looped one-second stereo tone) through the studio's trackStorage(), adds its Track
// row, signs in a member and calls GET /api/tracks/:id/audio (the route handler, as Next.js
// would). Its peak RSS is reset (/proc/self/clear_refs) after the upload; then one full
// download is read like a client on a ~64 MiB/s link would read it (a chunk at a time,
// paced, hashed) and the peak RSS growth over the RSS before it is the figure, with the
// bytes checked by SHA-256. Then Range requests: first bytes, the middle, the last byte, a
// suffix (bytes=-500), an open-ended range (the last 8 MiB), each 206 with its
// Content-Range and Content-Length and exactly those bytes, and one past the end: 416.
// Targets: peak RSS growth ≤ 32 MiB per storage kind; every range honoured; bytes verified.

import { spawn } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { startS3Server } from "@/tests/support/s3";
import { seedTrack } from "@/tests/support/library";
import { signInAs } from "@/tests/support/members";
import { call } from "@/tests/support/routes";
import { peakRssBytes } from "./peak-rss";
import { reportFigures, type BenchFigure } from "./report";
import { withEmbeddedPostgres } from "./sim-studio";

const MiB = 1024 * 1024;
const TRACK_BYTES = (Number(process.argv[2]) || 100) * MiB;
const TARGET_GROWTH_BYTES = 32 * MiB;
const READER_BYTES_PER_SECOND = 64 * MiB;

type StorageKind = "local disk" | "S3 (s3rver)";

type RangeCheck = { range: string; expected: string; got: string; honoured: boolean };

type Measurement = {
  kind: StorageKind;
  bytes: number;
  verified: boolean;
  downloadMs: number;
  rssBeforeBytes: number;
  peakGrowthBytes: number;
  ranges: RangeCheck[];
};

// ---- the WAV: 44.1 kHz, 16-bit stereo; a 440 Hz tone left and 660 Hz right, whole cycles per
// second, so one second of PCM loops seamlessly and any byte of the file is cheap to compute.

const SAMPLE_RATE = 44_100;
const HEADER_BYTES = 44;
const ONE_SECOND = (() => {
  const pcm = Buffer.alloc(SAMPLE_RATE * 4);
  for (let frame = 0; frame < SAMPLE_RATE; frame++) {
    pcm.writeInt16LE(Math.round(8_000 * Math.sin((2 * Math.PI * 440 * frame) / SAMPLE_RATE)), frame * 4);
    pcm.writeInt16LE(Math.round(8_000 * Math.sin((2 * Math.PI * 660 * frame) / SAMPLE_RATE)), frame * 4 + 2);
  }
  return pcm;
})();

function wavHeader(totalBytes: number): Buffer {
  const dataBytes = totalBytes - HEADER_BYTES;
  const header = Buffer.alloc(HEADER_BYTES);
  header.write("RIFF", 0, "ascii");
  header.writeUInt32LE(totalBytes - 8, 4);
  header.write("WAVEfmt ", 8, "ascii");
  header.writeUInt32LE(16, 16); // fmt chunk size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(2, 22); // channels
  header.writeUInt32LE(SAMPLE_RATE, 24);
  header.writeUInt32LE(SAMPLE_RATE * 4, 28); // bytes a second
  header.writeUInt16LE(4, 32); // bytes a frame
  header.writeUInt16LE(16, 34); // bits a sample
  header.write("data", 36, "ascii");
  header.writeUInt32LE(dataBytes, 40);
  return header;
}

/** Bytes `start`..`end` (inclusive) of the WAV file of `totalBytes`. */
function wavBytes(totalBytes: number, start: number, end: number): Buffer {
  const out = Buffer.alloc(end - start + 1);
  let written = 0;
  if (start < HEADER_BYTES) written = wavHeader(totalBytes).copy(out, 0, start, Math.min(HEADER_BYTES, end + 1));
  while (written < out.length) {
    const offset = (start + written - HEADER_BYTES) % ONE_SECOND.length;
    written += ONE_SECOND.copy(out, written, offset, Math.min(ONE_SECOND.length, offset + out.length - written));
  }
  return out;
}

function wavStream(totalBytes: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      const chunk = wavBytes(totalBytes, sent, Math.min(totalBytes, sent + 64 * 1024) - 1);
      sent += chunk.length;
      controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length));
    },
  });
}

// ---- the measuring child

/** Starts the peak RSS (VmHWM) afresh from the current RSS (Linux 4.0+). */
function resetPeakRss(): void {
  writeFileSync("/proc/self/clear_refs", "5");
}

/** Reads a response body as a client on a link of READER_BYTES_PER_SECOND would: hashed, chunk by chunk. */
async function readLikeAClient(response: Response): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash("sha256");
  const reader = response.body!.getReader();
  const startedAt = performance.now();
  let bytes = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    hash.update(chunk.value);
    bytes += chunk.value.byteLength;
    const aheadMs = (bytes / READER_BYTES_PER_SECOND) * 1000 - (performance.now() - startedAt);
    if (aheadMs > 1) await new Promise((resolve) => setTimeout(resolve, aheadMs));
  }
  return { bytes, sha256: hash.digest("hex") };
}

async function measure(kind: StorageKind): Promise<Measurement> {
  const databaseUrl = process.env.DATABASE_URL!;
  await signInAs(databaseUrl, "member");
  const { trackStorage } = await import("@/lib/storage/storage");
  const { GET } = await import("@/app/api/tracks/[id]/audio/route");

  const storageKey = `bench/stream-${randomUUID()}.wav`;
  const stored = await trackStorage().put(storageKey, wavStream(TRACK_BYTES));
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const track = await seedTrack(client, { title: "A 100 MiB tone", format: "wav", bytes: stored.bytes, sha256: stored.sha256, storageKey });
  await client.end();
  const audio = (headers: Record<string, string> = {}) => call(GET, `/api/tracks/${track.id}/audio`, { headers }, { id: track.id });
  // Warm-up: the route's modules, the database and storage connections are in place.
  await readLikeAClient(await audio({ range: "bytes=0-1023" }));

  resetPeakRss();
  const rssBeforeBytes = process.memoryUsage().rss;
  const startedAt = performance.now();
  const response = await audio();
  const whole = await readLikeAClient(response);
  const downloadMs = performance.now() - startedAt;
  const peakGrowthBytes = peakRssBytes() - rssBeforeBytes;
  const expectedSha256 = generatedSha256();
  const verified = response.status === 200 && whole.bytes === TRACK_BYTES && whole.sha256 === expectedSha256 && stored.sha256 === expectedSha256;

  const last = TRACK_BYTES - 1;
  const middle = Math.floor(TRACK_BYTES / 2);
  const ranges: RangeCheck[] = [];
  for (const [range, start, end] of [
    ["bytes=0-1023", 0, 1023],
    [`bytes=${middle}-${middle + MiB - 1}`, middle, middle + MiB - 1],
    [`bytes=${last}-${last}`, last, last],
    ["bytes=-500", TRACK_BYTES - 500, last],
    [`bytes=${TRACK_BYTES - 8 * MiB}-`, TRACK_BYTES - 8 * MiB, last],
  ] as const) {
    const part = await audio({ range });
    const body = Buffer.from(await part.arrayBuffer());
    const expected = `206 bytes ${start}-${end}/${TRACK_BYTES} (${end - start + 1} bytes)`;
    const got = `${part.status} ${part.headers.get("content-range")} (${part.headers.get("content-length")} bytes)`;
    ranges.push({ range, expected, got, honoured: got === expected && body.length === end - start + 1 && body.equals(wavBytes(TRACK_BYTES, start, end)) });
  }
  const beyond = await audio({ range: `bytes=${TRACK_BYTES}-` });
  await beyond.body?.cancel();
  const expected416 = `416 bytes */${TRACK_BYTES}`;
  const got416 = `${beyond.status} ${beyond.headers.get("content-range")}`;
  ranges.push({ range: `bytes=${TRACK_BYTES}-`, expected: expected416, got: got416, honoured: got416 === expected416 });

  return { kind, bytes: whole.bytes, verified, downloadMs, rssBeforeBytes, peakGrowthBytes, ranges };
}

/** The SHA-256 of the whole generated file, computed apart from storage and the route. */
function generatedSha256(): string {
  const hash = createHash("sha256");
  for (let start = 0; start < TRACK_BYTES; start += 4 * MiB) hash.update(wavBytes(TRACK_BYTES, start, Math.min(TRACK_BYTES, start + 4 * MiB) - 1));
  return hash.digest("hex");
}

// ---- the parent

function measureInChild(kind: StorageKind, env: Record<string, string>): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    // Asynchronous, so that the parent's s3rver keeps answering the child.
    const child = spawn(process.execPath, [...process.execArgv, process.argv[1]!, "--measure", kind, String(TRACK_BYTES / MiB)], {
      env: { ...process.env, LOG_LEVEL: "silent", ...env },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let stdout = "";
    child.stdout.setEncoding("utf8").on("data", (text: string) => (stdout += text));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`measuring ${kind} exited with ${code}:\n${stdout}`));
      resolve(JSON.parse(stdout.trim().split("\n").at(-1)!) as Measurement);
    });
  });
}

function figuresOf(run: Measurement): BenchFigure[] {
  const honoured = run.ranges.filter((range) => range.honoured).length;
  return [
    {
      figure: `${run.kind}: peak RSS growth, ${TRACK_BYTES / MiB} MiB streamed`,
      value: `${(run.peakGrowthBytes / MiB).toFixed(1)} MiB`,
      target: "≤ 32 MiB",
      pass: run.peakGrowthBytes <= TARGET_GROWTH_BYTES,
    },
    { figure: `${run.kind}: ranges honoured`, value: `${honoured}/${run.ranges.length}`, target: `${run.ranges.length}/${run.ranges.length}`, pass: honoured === run.ranges.length },
    { figure: `${run.kind}: bytes verified (SHA-256)`, value: run.verified ? "yes" : "no", target: "yes", pass: run.verified },
  ];
}

function details(runs: Measurement[]): string {
  const lines = [
    `Reader paced at ${READER_BYTES_PER_SECOND / MiB} MiB/s; RSS growth = peak RSS during the full download − RSS before it.`,
    "",
    "| storage | full download | RSS before | range | expected | got |",
    "|---|---|---|---|---|---|",
  ];
  for (const run of runs) {
    for (const [i, range] of run.ranges.entries()) {
      const head = i === 0 ? `| ${run.kind} | ${(run.downloadMs / 1000).toFixed(1)} s | ${(run.rssBeforeBytes / MiB).toFixed(0)} MiB` : "| | |";
      lines.push(`${head} | \`${range.range}\` | ${range.expected} | ${range.honoured ? "✓" : `✗ ${range.got}`} |`);
    }
  }
  return lines.join("\n");
}

async function main(): Promise<void> {
  if (process.argv[2] === "--measure") {
    console.log(JSON.stringify(await measure(process.argv[3] as StorageKind)));
    return;
  }
  const runs = await withEmbeddedPostgres("stream-track", async (databaseUrl, dir) => {
    const local = await measureInChild("local disk", { DATABASE_URL: databaseUrl, STORAGE_DIR: path.join(dir, "storage") });
    const s3 = await startS3Server();
    try {
      return [local, await measureInChild("S3 (s3rver)", { DATABASE_URL: databaseUrl, ...s3.env })];
    } finally {
      await s3.close();
    }
  });
  reportFigures("stream-track", runs.flatMap(figuresOf), details(runs));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
