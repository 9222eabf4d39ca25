// Waveform peaks of a 10-minute track: computePeaks streaming from the file, against decoding
// the whole file at once and taking the peaks of its PCM.
// Run: npx tsx bench/peaks.ts [seconds]   (default 600)
// Renders the track once per format with the simulator, then measures each way in a fresh
// child process, so every peak RSS figure starts from the same baseline.
// Target: streaming grows the RSS by ≤ 64 MiB for either format (whole-file: +150–230 MiB).

import { spawnSync } from "node:child_process";
import { createReadStream } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { FLACDecoder } from "@wasm-audio-decoders/flac";
import { MPEGDecoder } from "mpg123-decoder";
import { PeakEnvelope } from "../lib/audio/peak-envelope";
import { computePeaks, DEFAULT_PEAK_PAIRS } from "../lib/audio/peaks";
import { formatSpec, renderTrack } from "../lib/venice-sim/audio/render";
import { peakRssBytes } from "./peak-rss";
import { type BenchFigure, reportFigures } from "./report";

const PROMPT = "fast energetic techno with drums, driving bass and a synth pad";
const FORMATS = ["mp3", "flac"] as const;
const METHODS = ["streaming", "whole-file"] as const;
const MB = 1024 * 1024;
const TARGET_STREAMING_GROWTH_MB = 64;

type Format = (typeof FORMATS)[number];
type Method = (typeof METHODS)[number];
type Measurement = { ms: number; rssBeforeMB: number; peakRssGrowthMB: number; durationMs: number; pairs: number };

/** Decodes the whole file in one call, as a non-streaming implementation would. */
async function wholeFilePeaks(file: string, format: Format): Promise<{ durationMs: number; pairs: number }> {
  const bytes = new Uint8Array(await readFile(file));
  const decoder = format === "mp3" ? new MPEGDecoder() : new FLACDecoder();
  await decoder.ready;
  try {
    const decoded = decoder instanceof MPEGDecoder ? decoder.decode(bytes) : await decoder.decodeFile(bytes);
    const envelope = new PeakEnvelope(DEFAULT_PEAK_PAIRS);
    envelope.add(decoded.channelData, decoded.samplesDecoded);
    return { durationMs: Math.round((decoded.samplesDecoded / decoded.sampleRate) * 1000), pairs: envelope.toPairs().length / 2 };
  } finally {
    decoder.free();
  }
}

async function measure(method: Method, format: Format, file: string): Promise<Measurement> {
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  const result =
    method === "streaming"
      ? await computePeaks(createReadStream(file), format).then(({ durationMs, peaks }) => ({ durationMs, pairs: peaks.length / 2 }))
      : await wholeFilePeaks(file, format);
  const ms = performance.now() - started;
  const peakRss = peakRssBytes();
  return { ms, rssBeforeMB: rssBefore / MB, peakRssGrowthMB: (peakRss - rssBefore) / MB, ...result };
}

function measureInChildProcess(method: Method, format: Format, file: string): Measurement {
  const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, "--measure", method, format, file], { encoding: "utf8" });
  if (child.status !== 0) throw new Error(`measuring ${method} ${format} failed:\n${child.stderr}`);
  return JSON.parse(child.stdout.trim().split("\n").at(-1)!) as Measurement;
}

async function main(): Promise<void> {
  if (process.argv[2] === "--measure") {
    const [method, format, file] = process.argv.slice(3) as [Method, Format, string];
    console.log(JSON.stringify(await measure(method, format, file)));
    return;
  }

  const seconds = Number(process.argv[2] ?? 600);
  const dir = await mkdtemp(path.join(tmpdir(), "bench-peaks-"));
  try {
    const figures: BenchFigure[] = [];
    const rows = ["| format | sample rate | file | method | time | RSS before | peak RSS growth | duration | pairs |", "|---|---|---|---|---|---|---|---|---|"];
    for (const format of FORMATS) {
      const file = path.join(dir, `track.${format}`);
      const bytes = await renderTrack({ prompt: PROMPT, seconds, format });
      await writeFile(file, bytes);
      for (const method of METHODS) {
        const result = measureInChildProcess(method, format, file);
        const growth = `+${result.peakRssGrowthMB.toFixed(0)} MiB`;
        rows.push(
          `| ${format} | ${formatSpec(format, seconds).sampleRate} Hz | ${(bytes.length / MB).toFixed(1)} MiB | ${method} | ${result.ms.toFixed(0)} ms | ` +
            `${result.rssBeforeMB.toFixed(0)} MiB | ${growth} | ${result.durationMs} ms | ${result.pairs} |`,
        );
        figures.push(
          method === "streaming"
            ? { figure: `${format.toUpperCase()} peak RSS growth, streaming`, value: growth, target: `≤ ${TARGET_STREAMING_GROWTH_MB} MiB`, pass: result.peakRssGrowthMB <= TARGET_STREAMING_GROWTH_MB }
            : { figure: `${format.toUpperCase()} peak RSS growth, whole-file decode`, value: growth },
        );
      }
    }
    reportFigures("peaks", figures, `A ${seconds} s track, "${PROMPT}", each way in a fresh child process.\n\n${rows.join("\n")}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
