// bench/waveform: time to the first drawn waveform of a 10-minute track in Chromium, from the
// peaks the studio stores against letting wavesurfer.js fetch and decode the whole file.
// Run: npx tsx bench/waveform.ts [runs] [seconds]   (default 5 runs of each, a 600 s MP3)
//
// The track is rendered by the simulator (MP3, what most models produce) and its peaks computed
// by lib/audio/peaks.ts computePeaks, as the worker stores them. A tiny local HTTP server serves
// a page, wavesurfer's ESM build, the audio (with Range, as the studio's audio route) and the
// peaks as JSON (as GET /api/tracks/:id/peaks). Each run opens a fresh browser context, so
// nothing is cached, and times from the start of loading to the first drawn waveform:
//   stored peaks: fetch the peaks JSON, then ws.load(url, [peaks], duration), as
//                 components/player/player-bar.tsx does;
//   decode:       ws.load(url): wavesurfer fetches the whole file and decodes it (Web Audio).
// "Drawn" = wavesurfer's 'redrawcomplete' event (its canvases are painted); the run then checks
// that the canvases really hold waveform pixels. wavesurfer.js is imported before timing starts,
// in both cases alike. Runs alternate between the two ways after one warm-up of each.
// Target: the stored peaks draw ≥ 10× sooner (medians).

import { createReadStream } from "node:fs";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Browser } from "@playwright/test";
import { computePeaks } from "../lib/audio/peaks";
import { renderTrack } from "../lib/venice-sim/audio/render";
import { reportFigures } from "./report";

const RUNS = Number(process.argv[2]) || 5;
const SECONDS = Number(process.argv[3]) || 600;
const TARGET_SPEEDUP = 10;
const PROMPT = "fast energetic techno with drums, driving bass and a synth pad";
const WAVESURFER_ESM = path.join("node_modules", "wavesurfer.js", "dist", "wavesurfer.esm.js");

type Mode = "stored peaks" | "decode";
type Drawn = { ms: number; paintedPixels: number; duration: number };

// The studio's waveform look (components/player/waveform.ts waveformOptions, light scheme), so
// both ways draw the same bars; timing starts after wavesurfer.js is imported.
const PAGE = `<!doctype html>
<meta charset="utf-8">
<title>waveform bench</title>
<div id="waveform" style="width: 1000px"></div>
<script type="module">
  import WaveSurfer from "/wavesurfer.esm.js";
  window.firstDrawn = async (mode) => {
    const started = performance.now();
    const ws = WaveSurfer.create({
      container: document.getElementById("waveform"), height: 44,
      waveColor: "#d4d4d8", progressColor: "#9333ea", cursorColor: "#6b21a8", cursorWidth: 2,
      barWidth: 2, barGap: 1, barRadius: 2, normalize: true, backend: "MediaElement",
    });
    const drawn = new Promise((resolve, reject) => {
      ws.once("redrawcomplete", resolve);
      ws.once("error", reject);
    });
    if (mode === "stored peaks") {
      const stored = await (await fetch("/track.peaks.json")).json();
      ws.load("/track.mp3", [stored.peaks], stored.durationMs / 1000);
    } else {
      ws.load("/track.mp3");
    }
    await drawn;
    const ms = performance.now() - started;
    let paintedPixels = 0;
    for (const canvas of ws.getWrapper().querySelectorAll("canvas")) {
      const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
      for (let alpha = 3; alpha < data.length; alpha += 4) if (data[alpha] > 0) paintedPixels++;
    }
    const duration = ws.getDuration();
    ws.destroy();
    return { ms, paintedPixels, duration };
  };
  window.pageReady = true;
</script>`;

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), "bench-waveform-"));
  const audioFile = path.join(dir, "track.mp3");
  const renderStarted = performance.now();
  await writeFile(audioFile, await renderTrack({ prompt: PROMPT, seconds: SECONDS, format: "mp3" }));
  const stored = await computePeaks(createReadStream(audioFile), "mp3");
  const peaksJson = JSON.stringify({ peaks: stored.peaks, durationMs: stored.durationMs });
  const audioBytes = (await stat(audioFile)).size;
  console.log(
    `track: ${SECONDS} s MP3, ${(audioBytes / 1024 / 1024).toFixed(1)} MiB; peaks ${stored.peaks.length / 2} pairs, ` +
      `${(peaksJson.length / 1024).toFixed(0)} KiB JSON (rendered in ${((performance.now() - renderStarted) / 1000).toFixed(1)} s)`,
  );

  const server = createServer((request, response) => {
    serve(request, response, { audioFile, audioBytes, peaksJson }).catch((error: unknown) => {
      console.error(error);
      response.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--no-first-run", "--disable-quic"],
  });
  try {
    const times: Record<Mode, number[]> = { "stored peaks": [], decode: [] };
    for (let run = 0; run <= RUNS; run++) {
      for (const mode of ["stored peaks", "decode"] as const) {
        const drawn = await firstDrawn(browser, origin, mode);
        if (drawn.paintedPixels === 0) throw new Error(`${mode}: 'redrawcomplete' fired with nothing painted`);
        if (Math.abs(drawn.duration - stored.durationMs / 1000) > 1) throw new Error(`${mode}: duration ${drawn.duration} s`);
        const label = run === 0 ? "warm-up" : `run ${run}`;
        console.log(`${label.padEnd(8)} ${mode.padEnd(12)} ${drawn.ms.toFixed(0).padStart(6)} ms  (${drawn.paintedPixels} painted pixels)`);
        if (run > 0) times[mode].push(drawn.ms);
      }
    }
    const fromPeaks = median(times["stored peaks"]);
    const fromDecode = median(times.decode);
    const speedup = fromDecode / fromPeaks;
    reportFigures("waveform", [
      { figure: "first drawn waveform: speedup from stored peaks", value: `${speedup.toFixed(1)}×`, target: `≥ ${TARGET_SPEEDUP}×`, pass: speedup >= TARGET_SPEEDUP },
      { figure: "first drawn from stored peaks (median)", value: `${fromPeaks.toFixed(0)} ms` },
      { figure: "first drawn by fetch + decode (median)", value: `${fromDecode.toFixed(0)} ms` },
    ], `${RUNS} runs of each in Chromium, ${SECONDS} s MP3 (${(audioBytes / 1024 / 1024).toFixed(1)} MiB); "drawn" = wavesurfer's 'redrawcomplete' with painted canvas pixels checked. ` +
      `Stored peaks: ${times["stored peaks"].map((ms) => ms.toFixed(0)).join(", ")} ms; decode: ${times.decode.map((ms) => ms.toFixed(0)).join(", ")} ms.`);
  } finally {
    await browser.close();
    server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** One load in a fresh context (empty cache), once the page has imported wavesurfer.js. */
async function firstDrawn(browser: Browser, origin: string, mode: Mode): Promise<Drawn> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(origin);
    await page.waitForFunction("window.pageReady === true");
    return (await page.evaluate(`firstDrawn(${JSON.stringify(mode)})`)) as Drawn;
  } finally {
    await context.close();
  }
}

type Served = { audioFile: string; audioBytes: number; peaksJson: string };

async function serve(request: IncomingMessage, response: ServerResponse, { audioFile, audioBytes, peaksJson }: Served): Promise<void> {
  response.setHeader("Cache-Control", "no-store");
  switch (request.url) {
    case "/":
      response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(PAGE);
      return;
    case "/wavesurfer.esm.js":
      response.writeHead(200, { "Content-Type": "text/javascript" }).end(await readFile(WAVESURFER_ESM));
      return;
    case "/track.peaks.json":
      response.writeHead(200, { "Content-Type": "application/json" }).end(peaksJson);
      return;
    case "/track.mp3": {
      // One byte range, as the media element asks for; the whole file otherwise.
      const range = /^bytes=(\d+)-(\d*)$/.exec(request.headers.range ?? "");
      const start = range ? Number(range[1]) : 0;
      const end = range?.[2] ? Math.min(Number(range[2]), audioBytes - 1) : audioBytes - 1;
      if (start > end) {
        response.writeHead(416, { "Content-Range": `bytes */${audioBytes}` }).end();
        return;
      }
      response.writeHead(range ? 206 : 200, {
        "Content-Type": "audio/mpeg",
        "Accept-Ranges": "bytes",
        "Content-Length": end - start + 1,
        ...(range && { "Content-Range": `bytes ${start}-${end}/${audioBytes}` }),
      });
      createReadStream(audioFile, { start, end }).pipe(response);
      return;
    }
    default:
      response.writeHead(404).end();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
