// Render + encode timings for the simulator's audio.
// Run: npx tsx lib/venice-sim/audio/bench.ts [seconds…]   (default: 30 120 600)
// Prints one row per (format, duration): total wall time, the render/encode split, output
// size, the real-time factor and the process's peak RSS so far.

import type { AudioFormat } from "@/lib/audio/format";
import { arrangeTrack } from "./arrangement";
import { encodeFlac } from "./encode-flac";
import { encodeMp3 } from "./encode-mp3";
import { encodeWav } from "./encode-wav";
import { formatSpec, renderTrack } from "./render";
import { renderArrangement } from "./synth";

const PROMPT = "fast energetic techno with drums, driving bass and a synth pad";

async function encode(format: AudioFormat, pcm: Float32Array, seconds: number): Promise<Buffer> {
  const spec = formatSpec(format, seconds);
  if (format === "wav") return encodeWav(pcm, spec.sampleRate);
  if (format === "mp3") return encodeMp3(pcm, spec.sampleRate, spec.kbps ?? 64);
  return encodeFlac(pcm, spec.sampleRate);
}

async function main(): Promise<void> {
  const durations = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const list = durations.length > 0 ? durations : [30, 120, 600];
  const formats: AudioFormat[] = ["mp3", "wav", "flac"];
  // Warm up the JIT, lamejs and the libflac wasm module so the first row is not penalised.
  for (const format of formats) await renderTrack({ prompt: PROMPT, seconds: 5, format });

  console.log(`prompt: "${PROMPT}"`);
  console.log("format  seconds  rate   total_ms  render_ms  encode_ms    bytes  x_realtime  peak_rss_MB");
  for (const format of formats) {
    for (const seconds of list) {
      const spec = formatSpec(format, seconds);
      const t0 = performance.now();
      const arrangement = arrangeTrack({ prompt: PROMPT, seconds });
      const pcm = await renderArrangement(arrangement, spec.sampleRate);
      const t1 = performance.now();
      const bytes = await encode(format, pcm, seconds);
      const t2 = performance.now();
      const total = t2 - t0;
      const rss = process.resourceUsage().maxRSS / 1024;
      console.log(
        [
          format.padEnd(6),
          String(seconds).padStart(7),
          String(spec.sampleRate).padStart(6),
          total.toFixed(0).padStart(10),
          (t1 - t0).toFixed(0).padStart(10),
          (t2 - t1).toFixed(0).padStart(10),
          String(bytes.length).padStart(8),
          (seconds / (total / 1000)).toFixed(0).padStart(11),
          rss.toFixed(0).padStart(12),
        ].join(" "),
      );
    }
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
