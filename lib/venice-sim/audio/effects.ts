// Bus and master processing: a small Schroeder/Freeverb-style reverb, a lo-fi texture, loop
// wrap-around, loudness normalisation, a soft limiter and fades.

import type { Pause } from "./cooperative";
import { Noise } from "./wavetable";

/**
 * Mono reverb: four damped feedback combs in parallel, then two all-passes (Freeverb's
 * tunings scaled to the sample rate). Reads `send`, adds the wet signal into `dry`.
 */
export async function reverb(dry: Float32Array, send: Float32Array, sampleRate: number, amount: number, pause?: Pause): Promise<void> {
  if (amount <= 0) return;
  const scale = sampleRate / 44100;
  const combLengths = [1116, 1188, 1277, 1356].map((n) => Math.max(1, Math.round(n * scale)));
  const allpassLengths = [556, 441].map((n) => Math.max(1, Math.round(n * scale)));
  const feedback = 0.74 + 0.2 * amount; // room size
  const damp = 0.35;
  // Plain locals and typed arrays (no per-sample closures or objects): this runs per sample.
  const [l0, l1, l2, l3] = combLengths as [number, number, number, number];
  const [m0, m1] = allpassLengths as [number, number];
  const c0 = new Float32Array(l0), c1 = new Float32Array(l1), c2 = new Float32Array(l2), c3 = new Float32Array(l3);
  const ap0 = new Float32Array(m0), ap1 = new Float32Array(m1);
  let i0 = 0, i1 = 0, i2 = 0, i3 = 0, j0 = 0, j1 = 0;
  let f0 = 0, f1 = 0, f2 = 0, f3 = 0;
  const wet = 0.9 * amount;
  const keep = 1 - damp;
  const len = dry.length;
  const slice = sampleRate * 2; // ~2 s of audio between chances to yield
  for (let from = 0; from < len; from += slice) {
    const to = Math.min(len, from + slice);
    for (let i = from; i < to; i++) {
      const x = (send[i] as number) * 0.25;
      const o0 = c0[i0] as number;
      f0 = o0 * keep + f0 * damp;
      c0[i0] = x + f0 * feedback;
      if (++i0 === l0) i0 = 0;
      const o1 = c1[i1] as number;
      f1 = o1 * keep + f1 * damp;
      c1[i1] = x + f1 * feedback;
      if (++i1 === l1) i1 = 0;
      const o2 = c2[i2] as number;
      f2 = o2 * keep + f2 * damp;
      c2[i2] = x + f2 * feedback;
      if (++i2 === l2) i2 = 0;
      const o3 = c3[i3] as number;
      f3 = o3 * keep + f3 * damp;
      c3[i3] = x + f3 * feedback;
      if (++i3 === l3) i3 = 0;
      let y = o0 + o1 + o2 + o3;
      const a0 = ap0[j0] as number;
      ap0[j0] = y + a0 * 0.5;
      if (++j0 === m0) j0 = 0;
      y = a0 - y;
      const a1 = ap1[j1] as number;
      ap1[j1] = y + a1 * 0.5;
      if (++j1 === m1) j1 = 0;
      y = a1 - y;
      dry[i] = (dry[i] as number) + y * wet;
    }
    await pause?.();
  }
}

/** Lo-fi texture: a gentle low-pass (dusty top end) plus sparse vinyl crackle. */
export function lofiTexture(buf: Float32Array, sampleRate: number, seed: number): void {
  const noise = new Noise(seed);
  const a = 1 - Math.exp((-2 * Math.PI * 5000) / sampleRate);
  const crackleRate = 6 / sampleRate; // about six pops a second
  let lp = 0;
  let pop = 0;
  for (let i = 0; i < buf.length; i++) {
    lp += a * ((buf[i] as number) - lp);
    const n = noise.next();
    if ((n + 1) * 0.5 < crackleRate) pop = 0.03 + 0.04 * Math.abs(noise.next());
    const crackle = pop * noise.next();
    pop *= 0.7;
    buf[i] = lp + crackle + 0.0015 * noise.next();
  }
}

/** Folds everything past `length` back onto the start, so notes and reverb tails ringing over
 *  the loop point continue seamlessly at the top of the loop. Returns the first `length` samples. */
export function wrapLoop(buf: Float32Array, length: number): Float32Array {
  const out = buf.subarray(0, length);
  if (length <= 0) return out;
  for (let i = length; i < buf.length; i++) {
    const j = i % length;
    out[j] = (out[j] as number) + (buf[i] as number);
  }
  return out;
}

/** Scales to a target RMS (about −15 dBFS), then soft-limits peaks so nothing clips. */
export function normaliseAndLimit(buf: Float32Array, targetRms = 0.17): void {
  let sum = 0;
  for (let i = 0; i < buf.length; i++) {
    const v = buf[i] as number;
    sum += v * v;
  }
  const rms = Math.sqrt(sum / Math.max(1, buf.length));
  const gain = rms > 1e-6 ? Math.min(40, targetRms / rms) : 1;
  const knee = 0.7;
  const room = 0.98 - knee;
  for (let i = 0; i < buf.length; i++) {
    const v = (buf[i] as number) * gain;
    const a = Math.abs(v);
    buf[i] = a <= knee ? v : Math.sign(v) * (knee + room * Math.tanh((a - knee) / room));
  }
}

/** Short fade-in against clicks, and a longer fade-out to end the piece gracefully. */
export function applyFades(buf: Float32Array, sampleRate: number, fadeInSeconds: number, fadeOutSeconds: number): void {
  const fin = Math.min(buf.length, Math.round(fadeInSeconds * sampleRate));
  for (let i = 0; i < fin; i++) buf[i] = (buf[i] as number) * (i / fin);
  const fout = Math.min(buf.length, Math.round(fadeOutSeconds * sampleRate));
  const begin = buf.length - fout;
  for (let i = 0; i < fout; i++) {
    const g = 1 - i / fout;
    buf[begin + i] = (buf[begin + i] as number) * g * g;
  }
}
