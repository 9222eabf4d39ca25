// Band-limited single-cycle wavetables and a fast noise source for the synth voices.
// Tables are built additively from a harmonic spectrum and capped below Nyquist, so even the
// low sample rates used for speed (22.05 kHz) do not alias audibly.

export const TABLE_BITS = 11;
export const TABLE_SIZE = 1 << TABLE_BITS; // 2048 samples per cycle
export const TABLE_MASK = TABLE_SIZE - 1;

/** Sine table with one guard sample so linear interpolation can read index SIZE. */
export const SINE: Float32Array = (() => {
  const t = new Float32Array(TABLE_SIZE + 1);
  for (let i = 0; i <= TABLE_SIZE; i++) t[i] = Math.sin((2 * Math.PI * i) / TABLE_SIZE);
  return t;
})();

export type Spectrum = (harmonic: number) => number;

const cache = new Map<string, Float32Array>();

/**
 * A wavetable for `name` whose harmonics stop below `nyquistFraction` of the sample rate for
 * a note of `frequency` Hz. Tables are shared between notes needing the same harmonic count.
 */
export function wavetable(name: string, spectrum: Spectrum, frequency: number, sampleRate: number, maxHarmonics = 48): Float32Array {
  const limit = Math.max(1, Math.min(maxHarmonics, Math.floor((0.45 * sampleRate) / Math.max(frequency, 1))));
  const key = `${name}:${limit}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const table = new Float64Array(TABLE_SIZE);
  for (let h = 1; h <= limit; h++) {
    const a = spectrum(h);
    if (a === 0) continue;
    // Integer harmonics read the sine table at h× speed: exact and cheap.
    for (let i = 0; i < TABLE_SIZE; i++) table[i] = (table[i] ?? 0) + a * (SINE[(i * h) & TABLE_MASK] ?? 0);
  }
  let peak = 0;
  for (let i = 0; i < TABLE_SIZE; i++) peak = Math.max(peak, Math.abs(table[i] ?? 0));
  const out = new Float32Array(TABLE_SIZE + 1);
  for (let i = 0; i < TABLE_SIZE; i++) out[i] = (table[i] ?? 0) / (peak || 1);
  out[TABLE_SIZE] = out[0] ?? 0;
  cache.set(key, out);
  return out;
}

/** Deterministic white noise in [-1, 1): xorshift32, fast enough to run per sample. */
export class Noise {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0 || 0x9e3779b9;
  }
  next(): number {
    let x = this.s;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.s = x >>> 0;
    return this.s / 2147483648 - 1;
  }
}

/** Coefficients of a two-pole resonator (band-pass) at `freq` Hz with bandwidth `bw` Hz. */
export function resonator(freq: number, bw: number, sampleRate: number): { a1: number; a2: number; gain: number } {
  const r = Math.exp((-Math.PI * bw) / sampleRate);
  const a1 = 2 * r * Math.cos((2 * Math.PI * Math.min(freq, sampleRate * 0.45)) / sampleRate);
  const a2 = -r * r;
  return { a1, a2, gain: 1 - r };
}
