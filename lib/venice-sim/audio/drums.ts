// Drum voices from sine sweeps and filtered noise: kick (pitch-enveloped sine + click),
// snare (tone + noise), clap (noise bursts through a band-pass), hats/crash/shaker (high-passed
// noise with different decays).
//
// Like a drum machine, each sound is synthesised once per sample rate (a few noise variants
// for the noisy ones, picked per hit) and then mixed in scaled by velocity: a 600 s techno
// track has ~1 300 kicks, and re-synthesising each one was a large share of the render time.

import type { DrumHit, DrumKind } from "./arrangement";
import type { Style } from "./style";
import type { Bus } from "./voices";
import { Noise, resonator, SINE, TABLE_SIZE } from "./wavetable";

type OneShot = { samples: Float32Array; send: number };

const VARIANTS = 4;
const cache = new Map<string, OneShot>();

export function renderDrum(hit: DrumHit, bus: Bus, style: Style, noiseSeed: number): void {
  const shot = oneShot(hit.kind, style, bus.sampleRate, hit.kind === "kick" ? 0 : noiseSeed % VARIANTS);
  const start = Math.round(hit.time * bus.sampleRate);
  const n = Math.min(shot.samples.length, bus.dry.length - start);
  const src = shot.samples;
  const { dry, send } = bus;
  const g = hit.velocity;
  const gs = hit.velocity * shot.send;
  for (let i = 0; i < n; i++) {
    const v = src[i] as number;
    dry[start + i] = (dry[start + i] as number) + v * g;
    if (gs !== 0) send[start + i] = (send[start + i] as number) + v * gs;
  }
}

function kickBoom(style: Style): number {
  return style.genre === "techno" || style.genre === "trap" ? 0.34 : style.genre === "lofi" || style.genre === "jazz" ? 0.2 : 0.28;
}

function oneShot(kind: DrumKind, style: Style, sr: number, variant: number): OneShot {
  const key = `${kind}:${kind === "kick" ? kickBoom(style) : ""}:${sr}:${variant}`;
  let shot = cache.get(key);
  if (!shot) {
    const seed = 0x5eed + variant * 7919;
    switch (kind) {
      case "kick":
        shot = { samples: kick(sr, kickBoom(style)), send: 0 };
        break;
      case "snare":
        shot = { samples: snare(sr, seed), send: 0.25 };
        break;
      case "clap":
        shot = { samples: clap(sr, seed), send: 0.3 };
        break;
      case "hat":
        shot = { samples: metal(sr, seed, 0.028, 0.09, 0.16), send: 0.05 };
        break;
      case "openhat":
        shot = { samples: metal(sr, seed, 0.16, 0.5, 0.13), send: 0.1 };
        break;
      case "crash":
        shot = { samples: metal(sr, seed, 0.55, 2, 0.16), send: 0.3 };
        break;
      case "shaker":
        shot = { samples: metal(sr, seed, 0.035, 0.12, 0.1, 0.008), send: 0.05 };
        break;
    }
    cache.set(key, shot);
  }
  return shot;
}

function kick(sr: number, boom: number): Float32Array {
  const total = Math.round(boom * 4 * sr);
  const out = new Float32Array(total);
  const kAmp = Math.exp(-1 / (boom * sr));
  const kPitch = Math.exp(-1 / (0.032 * sr));
  const noise = new Noise(0x51ed);
  const clickN = Math.round(0.003 * sr);
  const fadeFrom = total - Math.round(0.01 * sr); // end the tail without a step
  let phase = 0;
  let env = 1;
  let sweep = 1;
  for (let i = 0; i < total; i++) {
    const freq = 46 + 120 * sweep;
    sweep *= kPitch;
    phase += (freq * TABLE_SIZE) / sr;
    if (phase >= TABLE_SIZE) phase -= TABLE_SIZE;
    let v = (SINE[phase | 0] as number) * env;
    env *= kAmp;
    if (i < clickN) v += noise.next() * 0.35 * (1 - i / clickN);
    if (i > fadeFrom) v *= (total - i) / (total - fadeFrom);
    // Soft saturation for punch (rational tanh approximation).
    const d = 1.6 * v;
    out[i] = (d > 3 ? 1 : d < -3 ? -1 : (d * (27 + d * d)) / (27 + 9 * d * d)) * 0.5;
  }
  return out;
}

function snare(sr: number, seed: number): Float32Array {
  const out = new Float32Array(Math.round(0.32 * sr));
  const kTone = Math.exp(-1 / (0.045 * sr));
  const kNoise = Math.exp(-1 / (0.11 * sr));
  const noise = new Noise(seed);
  let phase = 0;
  let eT = 1;
  let eN = 1;
  let prev = 0;
  for (let i = 0; i < out.length; i++) {
    phase += (185 * TABLE_SIZE) / sr;
    if (phase >= TABLE_SIZE) phase -= TABLE_SIZE;
    const n = noise.next();
    const hp = n - prev * 0.6; // gentle high-pass
    prev = n;
    out[i] = ((SINE[phase | 0] as number) * 0.6 * eT + hp * 0.7 * eN) * 0.55;
    eT *= kTone;
    eN *= kNoise;
  }
  return out;
}

function clap(sr: number, seed: number): Float32Array {
  const out = new Float32Array(Math.round(0.3 * sr));
  const bp = resonator(1300, 900, sr);
  const noise = new Noise(seed);
  const burst = Math.round(0.009 * sr);
  const kBurst = Math.exp(-1 / (0.004 * sr));
  const kTail = Math.exp(-1 / (0.07 * sr));
  let y1 = 0;
  let y2 = 0;
  let eB = 1;
  let eT = 1;
  for (let i = 0; i < out.length; i++) {
    // Three quick bursts (several hands), then a short room tail.
    if (i > 0 && i % burst === 0 && i <= 3 * burst) eB = 1;
    const env = i < 3 * burst ? eB : eT;
    eB *= kBurst;
    if (i >= 3 * burst) eT *= kTail;
    const y = bp.gain * noise.next() + bp.a1 * y1 + bp.a2 * y2;
    y2 = y1;
    y1 = y;
    out[i] = y * env * 1.6;
  }
  return out;
}

/** Hats, crash and shaker: high-passed noise with an exponential decay. */
function metal(sr: number, seed: number, tau: number, length: number, level: number, attack = 0): Float32Array {
  const out = new Float32Array(Math.round(length * sr));
  const k = Math.exp(-1 / (tau * sr));
  const attackN = Math.round(attack * sr);
  const noise = new Noise(seed);
  let env = 1;
  let x1 = 0;
  let x2 = 0;
  for (let i = 0; i < out.length; i++) {
    const x = noise.next();
    const hp = x - 2 * x1 + x2; // second difference: steep high-pass
    x2 = x1;
    x1 = x;
    let e = env;
    if (i < attackN) e *= i / attackN;
    env *= k;
    out[i] = hp * e * level;
  }
  return out;
}
