// The store step's one decode of a 10-minute track (waveform peaks and loudness): computePeaks
// streaming from the file, against the same stream measuring the peaks alone (the loudness
// meter's cost), and against decoding the whole file at once and taking the peaks of its PCM.
// Run: npx tsx bench/peaks.ts [seconds]   (default 600)
// Renders the MP3 and FLAC once with the simulator (mono, 16 and 32 kHz), and builds a 48 kHz
// stereo WAV (what a real track may be: the most samples per second for the meter) from a
// rendered loop. Each way runs RUNS times, each in a fresh child process (the ways taking turns),
// so every peak RSS figure starts from the same baseline; the table gives the medians. The
// meter's cost is given in CPU time, which the other work on a shared machine disturbs less.
// Targets: streaming grows the RSS by ≤ 64 MiB for every format (whole-file: +150–230 MiB), and
// loudness costs ≤ 100 ms of CPU per minute of audio (a worker's background work: a share of the
// decode would mean little, since a WAV needs next to no decoding). What the meter keeps (8 bytes
// per channel per 100 ms: 94 kB for 10 minutes of stereo) is below the RSS noise: no target.

import { spawnSync } from "node:child_process";
import { createReadStream } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { FLACDecoder } from "@wasm-audio-decoders/flac";
import { MPEGDecoder } from "mpg123-decoder";
import { decodeStream } from "../lib/audio/decode-stream";
import { PeakEnvelope } from "../lib/audio/peak-envelope";
import { computePeaks, DEFAULT_PEAK_PAIRS } from "../lib/audio/peaks";
import { arrangeTrack } from "../lib/venice-sim/audio/arrangement";
import { formatSpec, renderTrack } from "../lib/venice-sim/audio/render";
import { renderArrangement } from "../lib/venice-sim/audio/synth";
import { peakRssBytes } from "./peak-rss";
import { type BenchFigure, reportFigures } from "./report";

const PROMPT = "fast energetic techno with drums, driving bass and a synth pad";
const METHODS = ["with loudness", "peaks only", "whole-file"] as const;
const RUNS = 5;
const MB = 1024 * 1024;
const TARGET_STREAMING_GROWTH_MB = 64;
const TARGET_LOUDNESS_CPU_MS_PER_MINUTE = 100;
const WAV_RATE = 48_000;
const WAV_LOOP_SECONDS = 30;

type Format = "mp3" | "flac" | "wav";
type Method = (typeof METHODS)[number];
type Measurement = { ms: number; cpuMs: number; rssBeforeMB: number; peakRssGrowthMB: number; durationMs: number; pairs: number; loudnessLufs: number | null };
type Decoded = Pick<Measurement, "durationMs" | "pairs" | "loudnessLufs">;
type Track = { format: Format; label: string; file: string; bytes: number };

/** Decodes the whole file in one call, as a non-streaming implementation would. */
async function wholeFilePeaks(file: string, format: Format): Promise<Decoded> {
  const bytes = new Uint8Array(await readFile(file));
  const decoder = format === "mp3" ? new MPEGDecoder() : new FLACDecoder();
  await decoder.ready;
  try {
    const decoded = decoder instanceof MPEGDecoder ? decoder.decode(bytes) : await decoder.decodeFile(bytes);
    const envelope = new PeakEnvelope(DEFAULT_PEAK_PAIRS);
    envelope.add(decoded.channelData, decoded.samplesDecoded);
    return { durationMs: Math.round((decoded.samplesDecoded / decoded.sampleRate) * 1000), pairs: envelope.toPairs().length / 2, loudnessLufs: null };
  } finally {
    decoder.free();
  }
}

/** The store step's decode as it was before loudness: the same stream, the peaks alone. */
async function peaksOnly(file: string, format: Format): Promise<Decoded> {
  const envelope = new PeakEnvelope(DEFAULT_PEAK_PAIRS);
  const { sampleRate, frames } = await decodeStream(createReadStream(file), format, (pcm, blockFrames) => envelope.add(pcm, blockFrames));
  return { durationMs: Math.round((frames / sampleRate) * 1000), pairs: envelope.toPairs().length / 2, loudnessLufs: null };
}

async function measure(method: Method, format: Format, file: string): Promise<Measurement> {
  const rssBefore = process.memoryUsage().rss;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const result =
    method === "with loudness"
      ? await computePeaks(createReadStream(file), format).then(({ durationMs, peaks, loudnessLufs }) => ({ durationMs, pairs: peaks.length / 2, loudnessLufs }))
      : method === "peaks only"
        ? await peaksOnly(file, format)
        : await wholeFilePeaks(file, format);
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const peakRss = peakRssBytes();
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, rssBeforeMB: rssBefore / MB, peakRssGrowthMB: (peakRss - rssBefore) / MB, ...result };
}

function measureInChildProcess(method: Method, format: Format, file: string): Measurement {
  const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, "--measure", method, format, file], { encoding: "utf8" });
  if (child.status !== 0) throw new Error(`measuring ${method} ${format} failed:\n${child.stderr}`);
  return JSON.parse(child.stdout.trim().split("\n").at(-1)!) as Measurement;
}

/** Each method RUNS times, taking turns, each in a fresh child process; the medians of each. */
function measureTrack(track: Track, methods: readonly Method[]): Partial<Record<Method, Measurement>> {
  const runs = new Map<Method, Measurement[]>(methods.map((method) => [method, []]));
  for (let run = 0; run < RUNS; run++) for (const method of methods) runs.get(method)!.push(measureInChildProcess(method, track.format, track.file));
  const median = (of: Measurement[], key: "ms" | "cpuMs" | "rssBeforeMB" | "peakRssGrowthMB") => of.map((one) => one[key]).sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
  return Object.fromEntries(
    [...runs].map(([method, of]) => [
      method,
      { ...of[0]!, ms: median(of, "ms"), cpuMs: median(of, "cpuMs"), rssBeforeMB: median(of, "rssBeforeMB"), peakRssGrowthMB: median(of, "peakRssGrowthMB") },
    ]),
  );
}

/** A 16-bit stereo WAV of `seconds`: a rendered loop, its right channel a quieter, later copy. */
async function stereoWav(seconds: number): Promise<Buffer> {
  const loop = await renderArrangement(arrangeTrack({ prompt: PROMPT, seconds: WAV_LOOP_SECONDS, loop: true }), WAV_RATE);
  const frames = Math.round(seconds * WAV_RATE);
  const out = Buffer.alloc(44 + frames * 4);
  out.write("RIFF", 0, "ascii");
  out.writeUInt32LE(36 + frames * 4, 4);
  out.write("WAVEfmt ", 8, "ascii");
  [16, 1, 2, WAV_RATE, WAV_RATE * 4, 4, 16].forEach((value, i) => (i === 0 || i === 3 || i === 4 ? out.writeUInt32LE(value, [16, 0, 0, 24, 28][i]!) : out.writeUInt16LE(value, [0, 20, 22, 0, 0, 32, 34][i]!)));
  out.write("data", 36, "ascii");
  out.writeUInt32LE(frames * 4, 40);
  const int16 = (value: number) => Math.max(-32768, Math.min(32767, Math.round(value * 32767)));
  for (let frame = 0; frame < frames; frame++) {
    out.writeInt16LE(int16(loop[frame % loop.length]!), 44 + frame * 4);
    out.writeInt16LE(int16(0.7 * loop[(frame + loop.length - 240) % loop.length]!), 46 + frame * 4);
  }
  return out;
}

async function prepareTracks(dir: string, seconds: number): Promise<Track[]> {
  const tracks: Track[] = [];
  for (const format of ["mp3", "flac"] as const) {
    const bytes = await renderTrack({ prompt: PROMPT, seconds, format });
    tracks.push({ format, label: `${formatSpec(format, seconds).sampleRate} Hz mono`, file: path.join(dir, `track.${format}`), bytes: bytes.length });
    await writeFile(tracks.at(-1)!.file, bytes);
  }
  const wav = await stereoWav(seconds);
  tracks.push({ format: "wav", label: `${WAV_RATE} Hz stereo`, file: path.join(dir, "track.wav"), bytes: wav.length });
  await writeFile(tracks.at(-1)!.file, wav);
  return tracks;
}

function figuresOf(track: Track, results: Partial<Record<Method, Measurement>>): BenchFigure[] {
  const name = track.format.toUpperCase();
  const withLoudness = results["with loudness"]!;
  const peaks = results["peaks only"]!;
  const growth = (result: Measurement) => `+${result.peakRssGrowthMB.toFixed(0)} MiB`;
  const extraMB = withLoudness.peakRssGrowthMB - peaks.peakRssGrowthMB;
  const share = withLoudness.cpuMs / peaks.cpuMs - 1;
  const perMinute = (withLoudness.cpuMs - peaks.cpuMs) / (withLoudness.durationMs / 60_000);
  const signed = (value: number, digits: number) => {
    const rounded = Number(value.toFixed(digits));
    return `${rounded > 0 ? "+" : rounded < 0 ? "−" : "±"}${Math.abs(rounded).toFixed(digits)}`;
  };
  const figures: BenchFigure[] = [
    { figure: `${name} peak RSS growth, streaming (peaks + loudness)`, value: growth(withLoudness), target: `≤ ${TARGET_STREAMING_GROWTH_MB} MiB`, pass: withLoudness.peakRssGrowthMB <= TARGET_STREAMING_GROWTH_MB },
    { figure: `${name} peak RSS growth, loudness's share`, value: `${signed(extraMB, 1)} MiB` },
    { figure: `${name} decode CPU time, with / without loudness`, value: `${withLoudness.cpuMs.toFixed(0)} / ${peaks.cpuMs.toFixed(0)} ms (${signed(share * 100, 0)} %)` },
    {
      figure: `${name} loudness CPU time per minute of audio`,
      value: `${perMinute.toFixed(0)} ms`,
      target: `≤ ${TARGET_LOUDNESS_CPU_MS_PER_MINUTE} ms`,
      pass: perMinute <= TARGET_LOUDNESS_CPU_MS_PER_MINUTE,
    },
  ];
  const whole = results["whole-file"];
  if (whole) figures.push({ figure: `${name} peak RSS growth, whole-file decode`, value: growth(whole) });
  return figures;
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
    const rows = [
      "| format | audio | file | method | time | CPU time | RSS before | peak RSS growth | duration | pairs | loudness |",
      "|---|---|---|---|---|---|---|---|---|---|---|",
    ];
    for (const track of await prepareTracks(dir, seconds)) {
      // A whole-file WAV decode is not a thing the studio ever did; the other two are.
      const results = measureTrack(track, track.format === "wav" ? METHODS.filter((method) => method !== "whole-file") : METHODS);
      for (const [method, result] of Object.entries(results)) {
        rows.push(
          `| ${track.format} | ${track.label} | ${(track.bytes / MB).toFixed(1)} MiB | ${method} | ${result.ms.toFixed(0)} ms | ${result.cpuMs.toFixed(0)} ms | ` +
            `${result.rssBeforeMB.toFixed(0)} MiB | +${result.peakRssGrowthMB.toFixed(0)} MiB | ${result.durationMs} ms | ${result.pairs} | ${result.loudnessLufs === null ? "" : `${result.loudnessLufs} LUFS`} |`,
        );
      }
      figures.push(...figuresOf(track, results));
    }
    reportFigures("peaks", figures, `A ${seconds} s track, "${PROMPT}", each way ${RUNS} times, taking turns, in a fresh child process (medians).\n\n${rows.join("\n")}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
