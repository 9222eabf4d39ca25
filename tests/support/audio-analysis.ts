// Test-only helpers: decode the three formats with independent decoders and measure the
// signal (loudness, spectrum, onsets, tempo). Imported by the audio tests;
// the decoders are devDependencies, so production code must not import this module.

import { FLACDecoder } from "@wasm-audio-decoders/flac";
import { MPEGDecoder } from "mpg123-decoder";

export type Decoded = { samples: Float32Array; sampleRate: number; channels: number };

/** Strict RIFF/WAVE reader: checks the chunk sizes and the PCM format fields. */
export function decodeWav(bytes: Buffer): Decoded {
  if (bytes.toString("ascii", 0, 4) !== "RIFF" || bytes.toString("ascii", 8, 12) !== "WAVE") throw new Error("not RIFF/WAVE");
  if (bytes.readUInt32LE(4) !== bytes.length - 8) throw new Error(`RIFF size ${bytes.readUInt32LE(4)} != file size - 8 (${bytes.length - 8})`);
  let off = 12;
  let fmt: { format: number; channels: number; sampleRate: number; byteRate: number; blockAlign: number; bits: number } | null = null;
  while (off + 8 <= bytes.length) {
    const id = bytes.toString("ascii", off, off + 4);
    const size = bytes.readUInt32LE(off + 4);
    const body = off + 8;
    if (id === "fmt ") {
      fmt = {
        format: bytes.readUInt16LE(body),
        channels: bytes.readUInt16LE(body + 2),
        sampleRate: bytes.readUInt32LE(body + 4),
        byteRate: bytes.readUInt32LE(body + 8),
        blockAlign: bytes.readUInt16LE(body + 12),
        bits: bytes.readUInt16LE(body + 14),
      };
    } else if (id === "data") {
      if (!fmt) throw new Error("data before fmt");
      if (fmt.format !== 1 || fmt.bits !== 16) throw new Error("not 16-bit PCM");
      if (fmt.blockAlign !== fmt.channels * 2 || fmt.byteRate !== fmt.sampleRate * fmt.blockAlign) throw new Error("inconsistent fmt chunk");
      if (body + size !== bytes.length) throw new Error(`data chunk size ${size} does not end the file`);
      const frames = size / fmt.blockAlign;
      const samples = new Float32Array(frames);
      for (let i = 0; i < frames; i++) samples[i] = bytes.readInt16LE(body + i * fmt.blockAlign) / 32768;
      return { samples, sampleRate: fmt.sampleRate, channels: fmt.channels };
    }
    off = body + size + (size & 1);
  }
  throw new Error("no data chunk");
}

export async function decodeMp3(bytes: Buffer): Promise<Decoded> {
  const decoder = new MPEGDecoder();
  await decoder.ready;
  try {
    const out = decoder.decode(new Uint8Array(bytes));
    if (out.errors.length > 0) throw new Error(`mpg123: ${out.errors.map((e) => e.message).join("; ")}`);
    return { samples: out.channelData[0] ?? new Float32Array(0), sampleRate: out.sampleRate, channels: out.channelData.length };
  } finally {
    decoder.free();
  }
}

export async function decodeFlac(bytes: Buffer): Promise<Decoded> {
  const decoder = new FLACDecoder();
  await decoder.ready;
  try {
    const out = await decoder.decodeFile(new Uint8Array(bytes));
    if (out.errors.length > 0) throw new Error(`flac: ${out.errors.map((e) => e.message).join("; ")}`);
    return { samples: out.channelData[0] ?? new Float32Array(0), sampleRate: out.sampleRate, channels: out.channelData.length };
  } finally {
    decoder.free();
  }
}

/** STREAMINFO fields of a FLAC file (the first metadata block). */
export function flacStreamInfo(bytes: Buffer): { sampleRate: number; channels: number; bitsPerSample: number; totalSamples: number; md5: string } {
  if (bytes.toString("ascii", 0, 4) !== "fLaC") throw new Error("not FLAC");
  if (((bytes[4] as number) & 0x7f) !== 0) throw new Error("first block is not STREAMINFO");
  const s = 8;
  const sampleRate = (bytes.readUInt16BE(s + 10) << 4) | ((bytes[s + 12] as number) >> 4);
  const channels = (((bytes[s + 12] as number) >> 1) & 7) + 1;
  const bitsPerSample = ((((bytes[s + 12] as number) & 1) << 4) | ((bytes[s + 13] as number) >> 4)) + 1;
  const totalSamples = ((bytes[s + 13] as number) & 0x0f) * 2 ** 32 + bytes.readUInt32BE(s + 14);
  return { sampleRate, channels, bitsPerSample, totalSamples, md5: bytes.toString("hex", s + 18, s + 34) };
}

// ---------------------------------------------------------------------------------------------
// Signal measures

export function rms(x: Float32Array, from = 0, to = x.length): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += (x[i] as number) ** 2;
  return Math.sqrt(sum / Math.max(1, to - from));
}

/** In-place radix-2 complex FFT. */
function fft(re: Float64Array, im: Float64Array): void {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      [re[i], re[j]] = [re[j] as number, re[i] as number];
      [im[i], im[j]] = [im[j] as number, im[i] as number];
    }
  }
  for (let len = 2; len <= n; len <<= 1) {
    const ang = (-2 * Math.PI) / len;
    for (let i = 0; i < n; i += len) {
      for (let k = 0; k < len / 2; k++) {
        const wr = Math.cos(ang * k);
        const wi = Math.sin(ang * k);
        const a = i + k;
        const b = a + len / 2;
        const xr = (re[b] as number) * wr - (im[b] as number) * wi;
        const xi = (re[b] as number) * wi + (im[b] as number) * wr;
        re[b] = (re[a] as number) - xr;
        im[b] = (im[a] as number) - xi;
        re[a] = (re[a] as number) + xr;
        im[a] = (im[a] as number) + xi;
      }
    }
  }
}

/** Hann-windowed magnitude spectrum of x[start, start + n), n a power of two (n/2 bins). */
export function magnitudes(x: Float32Array, start: number, n: number): Float64Array {
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  for (let i = 0; i < n; i++) re[i] = (x[start + i] ?? 0) * (0.5 - 0.5 * Math.cos((2 * Math.PI * i) / n));
  fft(re, im);
  const mag = new Float64Array(n / 2);
  for (let i = 0; i < n / 2; i++) mag[i] = Math.hypot(re[i] as number, im[i] as number);
  return mag;
}

/** Spectrum averaged over hop-spaced windows across the whole signal. */
export function averageSpectrum(x: Float32Array, n = 4096): Float64Array {
  const acc = new Float64Array(n / 2);
  let count = 0;
  for (let start = 0; start + n <= x.length; start += n) {
    const m = magnitudes(x, start, n);
    for (let i = 0; i < acc.length; i++) acc[i] = (acc[i] as number) + (m[i] as number);
    count++;
  }
  for (let i = 0; i < acc.length; i++) acc[i] = (acc[i] as number) / Math.max(1, count);
  return acc;
}

/** Frequencies (Hz) of local spectral maxima within `belowMaxDb` of the strongest bin. */
export function strongPeaks(spectrum: Float64Array, sampleRate: number, belowMaxDb = 30): number[] {
  let max = 0;
  for (const v of spectrum) max = Math.max(max, v);
  const threshold = max * 10 ** (-belowMaxDb / 20);
  const binHz = sampleRate / (2 * spectrum.length);
  const peaks: number[] = [];
  for (let i = 2; i < spectrum.length - 2; i++) {
    const v = spectrum[i] as number;
    if (v >= threshold && v > (spectrum[i - 1] as number) && v >= (spectrum[i + 1] as number) && v > (spectrum[i - 2] as number) && v >= (spectrum[i + 2] as number)) peaks.push(i * binHz);
  }
  return peaks;
}

export function spectralCentroid(spectrum: Float64Array, sampleRate: number): number {
  const binHz = sampleRate / (2 * spectrum.length);
  let num = 0;
  let den = 0;
  for (let i = 0; i < spectrum.length; i++) {
    num += i * binHz * (spectrum[i] as number);
    den += spectrum[i] as number;
  }
  return num / (den || 1);
}

/** Zero-crossing rate (crossings per sample) of consecutive windows. */
export function zeroCrossingRates(x: Float32Array, window: number): number[] {
  const rates: number[] = [];
  for (let start = 0; start + window <= x.length; start += window) {
    let crossings = 0;
    for (let i = start + 1; i < start + window; i++) if ((x[i - 1] as number) < 0 !== (x[i] as number) < 0) crossings++;
    rates.push(crossings / window);
  }
  return rates;
}

export function coefficientOfVariation(values: number[]): number {
  const mean = values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
  const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, values.length));
  return sd / (mean || 1);
}

/** Spectral-flux onset strength, one value per hop. */
export function onsetEnvelope(x: Float32Array, sampleRate: number, hopSeconds = 0.01): { env: Float64Array; hop: number } {
  const n = 1024;
  const hop = Math.round(hopSeconds * sampleRate);
  const frames = Math.max(0, Math.floor((x.length - n) / hop));
  const env = new Float64Array(frames);
  let prev: Float64Array | null = null;
  for (let f = 0; f < frames; f++) {
    const m = magnitudes(x, f * hop, n);
    for (let i = 0; i < m.length; i++) m[i] = Math.log1p(100 * (m[i] as number));
    if (prev) {
      let flux = 0;
      for (let i = 0; i < m.length; i++) flux += Math.max(0, (m[i] as number) - (prev[i] as number));
      env[f] = flux;
    }
    prev = m;
  }
  return { env, hop: hop / sampleRate };
}

/** Onset times (s): peaks of the flux envelope above a local adaptive threshold. */
export function onsetTimes(x: Float32Array, sampleRate: number): number[] {
  const { env, hop } = onsetEnvelope(x, sampleRate);
  const times: number[] = [];
  const w = 10;
  let lastFrame = -Infinity;
  for (let f = 1; f < env.length - 1; f++) {
    const v = env[f] as number;
    if (v <= (env[f - 1] as number) || v < (env[f + 1] as number)) continue;
    let sum = 0;
    let count = 0;
    for (let k = Math.max(0, f - w); k < Math.min(env.length, f + w + 1); k++) {
      sum += env[k] as number;
      count++;
    }
    if (v > 1.5 * (sum / count) && f - lastFrame >= 5) {
      times.push(f * hop);
      lastFrame = f;
    }
  }
  return times;
}

/** Tempo (BPM in [60, 200)) from the autocorrelation of the onset envelope. */
export function estimateTempo(x: Float32Array, sampleRate: number): number {
  const { env, hop } = onsetEnvelope(x, sampleRate);
  const mean = env.reduce((a, b) => a + b, 0) / Math.max(1, env.length);
  const centred = env.map((v) => v - mean);
  let bestLag = 0;
  let best = -Infinity;
  const minLag = Math.floor(60 / 200 / hop);
  const maxLag = Math.ceil(60 / 60 / hop);
  for (let lag = minLag; lag <= maxLag; lag++) {
    let sum = 0;
    for (let i = lag; i < centred.length; i++) sum += (centred[i] as number) * (centred[i - lag] as number);
    if (sum > best) {
      best = sum;
      bestLag = lag;
    }
  }
  return 60 / (bestLag * hop);
}

/** True when `a` equals `b` up to a factor of 2 (tempo octave errors) within `tolerance`. */
export function sameTempo(a: number, b: number, tolerance = 0.04): boolean {
  return [0.5, 1, 2].some((k) => Math.abs(a * k - b) / b <= tolerance);
}
