// Pitched synth voices: each renders one note additively into the dry bus and the reverb send.
// Techniques: wavetable oscillators with amplitude/brightness envelopes (piano, pad, strings,
// organ, lead, brass, flute, bass), 2-operator FM (electric piano, bell), Karplus–Strong plucked
// strings (guitar), and a glottal source through formant resonators (vocal).

import type { NoteEvent } from "./arrangement";
import type { Style } from "./style";
import type { Vowel } from "./lyrics";
import { midiToFrequency } from "./theory";
import { Noise, resonator, SINE, TABLE_MASK, TABLE_SIZE, wavetable } from "./wavetable";


export type Bus = { dry: Float32Array; send: Float32Array; sampleRate: number };

type VoiceContext = { bus: Bus; style: Style; noiseSeed: number };

export function renderNote(note: NoteEvent, ctx: VoiceContext): void {
  switch (note.instrument) {
    case "piano":
      return piano(note, ctx);
    case "epiano":
      return fm(note, ctx, { ratio: 1, index: 1.6, indexTau: 0.35, tau: 1.6, release: 0.15, gain: 0.22, send: 0.25 });
    case "bell":
      return fm(note, ctx, { ratio: 3.5, index: 2.2, indexTau: 0.5, tau: 1.8, release: 0.6, gain: 0.2, send: 0.5 });
    case "pluck":
      return pluck(note, ctx);
    case "vocal":
      return vocal(note, ctx);
    default:
      return tableVoice(note, ctx);
  }
}

// ---------------------------------------------------------------------------------------------
// Generic wavetable voice

const RELEASE_TAUS = 4.5;
/** Samples per control-rate block (~1 ms at the rates used). */
const BLOCK = 32;

type TableVoiceSpec = {
  bright: Float32Array;
  dark?: Float32Array; // crossfaded in as the brightness envelope closes
  detune: number[]; // frequency ratios of the unison oscillators
  attack: number;
  decayTau: number;
  sustain: number;
  release: number;
  brightStart: number;
  brightEnd: number;
  brightTau: number;
  vibratoRate: number;
  vibratoDepth: number; // as a frequency ratio, e.g. 0.004
  vibratoDelay: number;
  tremoloRate: number;
  tremoloDepth: number;
  breath: number; // noise level (flute)
  gain: number;
  send: number;
};

const saw = (roll: number) => (h: number) => Math.exp(-h / roll) / h;
const square = (roll: number) => (h: number) => (h % 2 === 1 ? 1 / h : 0.08 / h) * Math.exp(-h / roll);

function specFor(note: NoteEvent, style: Style, f: number, sr: number): TableVoiceSpec {
  const b = style.brightness;
  const base: TableVoiceSpec = {
    bright: wavetable("sine", (h) => (h === 1 ? 1 : 0), f, sr),
    dark: undefined, // present on every spec so all specs share one object shape
    detune: [1],
    attack: 0.01,
    decayTau: 1,
    sustain: 1,
    release: 0.1,
    brightStart: 1,
    brightEnd: 1,
    brightTau: 1,
    vibratoRate: 0,
    vibratoDepth: 0,
    vibratoDelay: 0,
    tremoloRate: 0,
    tremoloDepth: 0,
    breath: 0,
    gain: 0.2,
    send: 0.3,
  };
  const rollKey = Math.round(b * 10);
  switch (note.instrument) {
    case "pad":
      return {
        ...base,
        bright: wavetable(`pad${rollKey}`, saw(2 + 8 * b), f, sr),
        detune: [0.996, 1.004],
        attack: 0.45,
        release: 0.6,
        sustain: 1,
        tremoloRate: 0.3,
        tremoloDepth: 0.12,
        gain: 0.09,
        send: 0.7,
      };
    case "strings":
      return {
        ...base,
        bright: wavetable(`strings${rollKey}`, saw(5 + 12 * b), f, sr),
        detune: [0.997, 1.003],
        attack: 0.28,
        release: 0.45,
        vibratoRate: 5.4,
        vibratoDepth: 0.003,
        vibratoDelay: 0.25,
        gain: 0.1,
        send: 0.55,
      };
    case "organ":
      return {
        ...base,
        bright: wavetable("organ", (h) => ({ 1: 1, 2: 0.8, 3: 0.6, 4: 0.45, 6: 0.3, 8: 0.25 })[h] ?? 0, f, sr),
        attack: 0.006,
        release: 0.06,
        tremoloRate: 6.2,
        tremoloDepth: 0.18,
        gain: 0.14,
        send: 0.3,
      };
    case "lead":
      return {
        ...base,
        bright: wavetable(`lead${rollKey}`, square(4 + 14 * b), f, sr),
        dark: wavetable("lead-dark", square(2), f, sr),
        attack: 0.008,
        decayTau: 0.3,
        sustain: 0.75,
        release: 0.12,
        brightStart: 1,
        brightEnd: 0.45,
        brightTau: 0.25,
        vibratoRate: 5.8,
        vibratoDepth: 0.004,
        vibratoDelay: 0.18,
        gain: 0.16,
        send: 0.35,
      };
    case "brass":
      return {
        ...base,
        bright: wavetable(`brass${rollKey}`, saw(5 + 10 * b), f, sr),
        dark: wavetable("brass-dark", saw(1.5), f, sr),
        detune: [0.998, 1.002],
        attack: 0.045,
        decayTau: 0.5,
        sustain: 0.8,
        release: 0.15,
        brightStart: 0.2,
        brightEnd: 0.75,
        brightTau: -0.08, // negative: the tone opens up after the attack
        vibratoRate: 5,
        vibratoDepth: 0.0035,
        vibratoDelay: 0.3,
        gain: 0.28,
        send: 0.4,
      };
    case "flute":
      return {
        ...base,
        bright: wavetable("flute", (h) => [0, 1, 0.22, 0.07, 0.03][h] ?? 0, f, sr),
        attack: 0.06,
        release: 0.12,
        vibratoRate: 5,
        vibratoDepth: 0.005,
        vibratoDelay: 0.2,
        breath: 0.06,
        gain: 0.22,
        send: 0.45,
      };
    case "bass":
      if (style.synthBass)
        return {
          ...base,
          bright: wavetable(`bass-saw${rollKey}`, saw(3 + 8 * b), f, sr),
          dark: wavetable("bass-sub", (h) => [0, 1, 0.35, 0.1][h] ?? 0, f, sr),
          attack: 0.004,
          decayTau: 0.6,
          sustain: 0.7,
          release: 0.05,
          brightStart: 0.9,
          brightEnd: 0.15,
          brightTau: 0.09,
          gain: 0.28,
          send: 0.05,
        };
      return {
        ...base,
        bright: wavetable("bass-electric", (h) => [0, 1, 0.55, 0.3, 0.18, 0.08, 0.04][h] ?? 0, f, sr),
        dark: wavetable("bass-sub", (h) => [0, 1, 0.35, 0.1][h] ?? 0, f, sr),
        attack: 0.004,
        decayTau: 0.9,
        sustain: 0.35,
        release: 0.06,
        brightStart: 1,
        brightEnd: 0.2,
        brightTau: 0.25,
        gain: 0.3,
        send: 0.05,
      };
    default:
      return base;
  }
}

function tableVoice(note: NoteEvent, ctx: VoiceContext): void {
  const tsize = TABLE_SIZE; // local: fastest access in the loops below
  const { bus } = ctx;
  const sr = bus.sampleRate;
  const f = midiToFrequency(note.midi);
  const s = specFor(note, ctx.style, f, sr);
  const start = Math.round(note.time * sr);
  const held = Math.max(1, Math.round(note.duration * sr));
  // Release: exponential with time constant `release`, bent to reach exactly zero after
  // RELEASE_TAUS time constants so cutting the voice there leaves no step.
  const total = Math.min(bus.dry.length - start, held + Math.round(s.release * RELEASE_TAUS * sr));
  if (total <= 0) return;
  const floor = Math.exp(-RELEASE_TAUS);
  const amp = s.gain * note.velocity;
  const attackN = Math.max(1, s.attack * sr);
  const decayN = s.decayTau * sr;
  const releaseN = s.release * sr;
  const held_ = (i: number): number => (i < attackN ? i / attackN : 1) * (s.sustain + (1 - s.sustain) * Math.exp(-i / decayN));
  const levelAtOff = held_(held);
  const envAt = (i: number): number => {
    if (i <= held) return held_(i);
    const r = Math.exp(-(i - held) / releaseN);
    return r > floor ? (levelAtOff * (r - floor)) / (1 - floor) : 0;
  };
  const brightN = Math.abs(s.brightTau) * sr;
  const twoOsc = s.detune.length > 1;
  const inc1 = (f * (s.detune[0] ?? 1) * tsize) / sr;
  const inc2 = (f * (s.detune[1] ?? 1) * tsize) / sr;
  const bright = s.bright;
  const dark = s.dark ?? s.bright;
  const hasDark = s.dark !== undefined;
  const noise = s.breath > 0 ? new Noise(ctx.noiseSeed) : null;
  const breath = s.breath * 4;
  const { dry, send } = bus;
  const sendLevel = s.send;
  const vibStart = s.vibratoDelay * sr;
  const twoPi = 2 * Math.PI;
  let p1 = 0;
  let p2 = tsize / 3.7; // offset start: no phasey unison onset
  let breathLp = 0;
  let e0 = envAt(0);
  // Control-rate processing: envelopes, vibrato, tremolo and brightness are evaluated once per
  // block and ramped linearly; the per-sample loop only runs the oscillators.
  for (let b0 = 0; b0 < total; b0 += BLOCK) {
    const b1 = Math.min(total, b0 + BLOCK);
    const e1 = envAt(b1);
    const t = b0 / sr;
    let ratio = 1;
    if (s.vibratoRate > 0 && b0 > vibStart) {
      const ramp = Math.min(1, (b0 - vibStart) / (0.3 * sr));
      ratio = 1 + s.vibratoDepth * ramp * Math.sin(twoPi * s.vibratoRate * t);
    }
    let trem = 1;
    if (s.tremoloRate > 0) trem = 1 - s.tremoloDepth * (0.5 + 0.5 * Math.sin(twoPi * s.tremoloRate * t));
    let w = 1;
    if (hasDark) {
      const delta = Math.exp(-b0 / brightN);
      w = s.brightTau < 0 ? s.brightEnd - (s.brightEnd - s.brightStart) * delta : s.brightEnd + (s.brightStart - s.brightEnd) * delta;
    }
    const g0 = e0 * amp * trem * (twoOsc ? 0.5 : 1);
    const dg = ((e1 - e0) * amp * trem * (twoOsc ? 0.5 : 1)) / (b1 - b0);
    e0 = e1;
    const i1 = inc1 * ratio;
    const i2 = inc2 * ratio;
    const wd = 1 - w;
    let g = g0;
    for (let i = b0; i < b1; i++) {
      p1 += i1;
      if (p1 >= tsize) p1 -= tsize;
      let idx = p1 | 0;
      let frac = p1 - idx;
      let x0 = bright[idx] as number;
      let v = x0 + ((bright[idx + 1] as number) - x0) * frac;
      if (hasDark) {
        x0 = dark[idx] as number;
        v = w * v + wd * (x0 + ((dark[idx + 1] as number) - x0) * frac);
      }
      if (twoOsc) {
        p2 += i2;
        if (p2 >= tsize) p2 -= tsize;
        idx = p2 | 0;
        frac = p2 - idx;
        x0 = bright[idx] as number;
        let v2 = x0 + ((bright[idx + 1] as number) - x0) * frac;
        if (hasDark) {
          x0 = dark[idx] as number;
          v2 = w * v2 + wd * (x0 + ((dark[idx + 1] as number) - x0) * frac);
        }
        v += v2;
      }
      if (noise) {
        breathLp += 0.25 * (noise.next() - breathLp);
        v += breath * breathLp;
      }
      const out = v * g;
      g += dg;
      const j = start + i;
      dry[j] = (dry[j] as number) + out;
      send[j] = (send[j] as number) + out * sendLevel;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Piano: a bright, fast-decaying partial set over a darker, slowly decaying body, plus a
// slightly detuned second string (beating) and a short hammer thump.

function piano(note: NoteEvent, ctx: VoiceContext): void {
  const tsize = TABLE_SIZE; // local: fastest access in the loops below
  const { bus } = ctx;
  const sr = bus.sampleRate;
  const f = midiToFrequency(note.midi);
  const roll = 3 + 6 * ctx.style.brightness;
  const bright = wavetable(`piano-bright${Math.round(roll)}`, (h) => Math.exp(-h / roll) / Math.pow(h, 0.6), f, sr, 24);
  const dark = wavetable("piano-dark", (h) => [0, 1, 0.38, 0.16, 0.07][h] ?? 0, f, sr);
  const start = Math.round(note.time * sr);
  const scale = Math.pow(2, -(note.midi - 60) / 24); // low notes ring longer
  const tauBright = 0.22 * scale;
  const tauDark = 1.8 * scale;
  const held = Math.max(1, Math.round(note.duration * sr));
  const relTau = 0.1;
  const total = Math.min(bus.dry.length - start, Math.min(held + Math.round(relTau * 6 * sr), Math.round(tauDark * 6 * sr)));
  if (total <= 0) return;
  const amp = 0.26 * note.velocity;
  const kb = Math.exp(-1 / (tauBright * sr));
  const kd = Math.exp(-1 / (tauDark * sr));
  const kr = Math.exp(-1 / (relTau * sr));
  const inc1 = (f * tsize) / sr;
  const inc2 = (f * 1.0011 * tsize) / sr;
  const attackN = Math.max(1, Math.round(0.003 * sr));
  const hammerN = Math.round(0.006 * sr);
  const noise = new Noise(ctx.noiseSeed);
  const { dry, send } = bus;
  let p1 = 0;
  let p2 = 0;
  let eb = 0.55 + 0.45 * note.velocity; // harder hits are brighter
  let ed = 1;
  let rel = 1;
  for (let i = 0; i < total; i++) {
    p1 += inc1;
    if (p1 >= tsize) p1 -= tsize;
    p2 += inc2;
    if (p2 >= tsize) p2 -= tsize;
    const i1 = p1 | 0;
    const i2 = p2 | 0;
    const b1 = bright[i1] as number;
    const d2 = dark[i2] as number;
    const b = b1 + ((bright[i1 + 1] as number) - b1) * (p1 - i1);
    const d = d2 + ((dark[i2 + 1] as number) - d2) * (p2 - i2);
    let v = b * eb + d * ed;
    eb *= kb;
    ed *= kd;
    if (i >= held) {
      rel *= kr;
      v *= rel;
    }
    if (i < attackN) v *= i / attackN;
    if (i < hammerN) v += noise.next() * 0.25 * (1 - i / hammerN);
    const out = v * amp;
    dry[start + i] = (dry[start + i] as number) + out;
    send[start + i] = (send[start + i] as number) + out * 0.35;
  }
}

// ---------------------------------------------------------------------------------------------
// Two-operator FM: carrier sin(φc + I(t)·sin(φm)), I(t) decaying — electric piano and bells.

type FmSpec = { ratio: number; index: number; indexTau: number; tau: number; release: number; gain: number; send: number };

function fm(note: NoteEvent, ctx: VoiceContext, s: FmSpec): void {
  const tsize = TABLE_SIZE; // local: fastest access in the loops below
  const sine = SINE; // local: fastest access in the loops below
  const tmask = TABLE_MASK; // local: fastest access in the loops below
  const { bus } = ctx;
  const sr = bus.sampleRate;
  const f = midiToFrequency(note.midi);
  const start = Math.round(note.time * sr);
  const held = Math.max(1, Math.round(note.duration * sr));
  const scale = Math.pow(2, -(note.midi - 60) / 30);
  const tau = s.tau * scale;
  const total = Math.min(bus.dry.length - start, Math.min(held + Math.round(s.release * 6 * sr), Math.round(tau * 7 * sr)));
  if (total <= 0) return;
  const ic = (f * tsize) / sr;
  // Keep the modulator's sidebands below Nyquist.
  const im = (Math.min(f * s.ratio, sr * 0.4) * tsize) / sr;
  const ka = Math.exp(-1 / (tau * sr));
  const ki = Math.exp(-1 / (s.indexTau * sr));
  const kr = Math.exp(-1 / (s.release * sr));
  const amp = s.gain * note.velocity;
  const attackN = Math.max(1, Math.round(0.002 * sr));
  const maxIndex = Math.min(s.index * (0.6 + 0.6 * note.velocity), (0.45 * sr) / Math.max(f * s.ratio, 1));
  const { dry, send } = bus;
  let pc = 0;
  let pm = 0;
  let ea = 1;
  let ei = maxIndex * (tsize / (2 * Math.PI));
  let rel = 1;
  for (let i = 0; i < total; i++) {
    pm += im;
    if (pm >= tsize) pm -= tsize;
    pc += ic;
    if (pc >= tsize) pc -= tsize;
    const mod = (sine[pm | 0] as number) * ei;
    const ph = ((pc + mod) | 0) & tmask; // two's-complement wrap, negative phases included
    let v = (sine[ph] as number) * ea;
    ea *= ka;
    ei *= ki;
    if (i >= held) {
      rel *= kr;
      v *= rel;
    }
    if (i < attackN) v *= i / attackN;
    const out = v * amp;
    dry[start + i] = (dry[start + i] as number) + out;
    send[start + i] = (send[start + i] as number) + out * s.send;
  }
}

// ---------------------------------------------------------------------------------------------
// Karplus–Strong plucked string with an all-pass fractional delay for accurate tuning.

function pluck(note: NoteEvent, ctx: VoiceContext): void {
  const { bus, style } = ctx;
  const sr = bus.sampleRate;
  const f = midiToFrequency(note.midi);
  const start = Math.round(note.time * sr);
  const held = Math.max(1, Math.round(note.duration * sr));
  const period = sr / f - 0.5; // the two-point average adds half a sample of delay
  const n = Math.max(2, Math.floor(period));
  const frac = period - n;
  const c = (1 - frac) / (1 + frac); // first-order all-pass for the fractional part
  const t60 = (style.guitarDrive ? 1.2 : 2.2) * Math.pow(2, -(note.midi - 52) / 24);
  const loss = Math.pow(0.001, 1 / (t60 * f)); // per period → per pass
  const releaseTau = 0.06;
  const total = Math.min(bus.dry.length - start, held + Math.round(releaseTau * 6 * sr), Math.round(t60 * sr));
  if (total <= 0) return;
  const buf = new Float32Array(n);
  const noise = new Noise(ctx.noiseSeed);
  // Excitation: noise, low-passed more for soft notes and dark styles.
  const smooth = 0.25 + 0.5 * (1 - style.brightness) * (1.2 - note.velocity);
  let lp = 0;
  for (let i = 0; i < n; i++) {
    lp += (1 - smooth) * (noise.next() - lp);
    buf[i] = lp;
  }
  let mean = 0;
  for (let i = 0; i < n; i++) mean += buf[i] as number;
  mean /= n;
  for (let i = 0; i < n; i++) buf[i] = (buf[i] as number) - mean;
  const kr = Math.exp(-1 / (releaseTau * sr));
  const amp = (style.guitarDrive ? 0.6 : 1) * note.velocity;
  const drive = style.guitarDrive ? 3.5 : 0;
  const { dry, send } = bus;
  let idx = 0;
  let apX = 0;
  let apY = 0;
  let rel = 1;
  for (let i = 0; i < total; i++) {
    const cur = buf[idx] as number;
    const nextIdx = idx + 1 === n ? 0 : idx + 1;
    const avg = 0.5 * (cur + (buf[nextIdx] as number)) * loss;
    // all-pass: y = c·x + x₋₁ − c·y₋₁
    const y = c * avg + apX - c * apY;
    apX = avg;
    apY = y;
    buf[idx] = y;
    idx = nextIdx;
    let v = cur;
    if (drive > 0) {
      // Soft saturation (a rational tanh approximation; Math.tanh is slow per sample).
      const d = v * drive;
      v = (d > 3 ? 1 : d < -3 ? -1 : (d * (27 + d * d)) / (27 + 9 * d * d)) * 0.6;
    }
    if (i >= held) {
      rel *= kr;
      v *= rel;
    }
    const out = v * amp;
    dry[start + i] = (dry[start + i] as number) + out;
    send[start + i] = (send[start + i] as number) + out * 0.3;
  }
}

// ---------------------------------------------------------------------------------------------
// Vocal: a band-limited glottal pulse through three formant resonators chosen by the sung
// vowel, with vibrato and a short breathy consonant at the onset.

const FORMANTS: Record<Vowel, [number, number, number][]> = {
  a: [[800, 80, 1], [1150, 90, 0.5], [2800, 120, 0.18]],
  e: [[400, 60, 1], [1700, 80, 0.35], [2600, 100, 0.2]],
  i: [[300, 50, 1], [2100, 90, 0.25], [2900, 100, 0.18]],
  o: [[450, 70, 1], [800, 80, 0.45], [2830, 100, 0.1]],
  u: [[325, 50, 1], [700, 60, 0.3], [2530, 100, 0.08]],
};

function vocal(note: NoteEvent, ctx: VoiceContext): void {
  const tsize = TABLE_SIZE; // local: fastest access in the loops below
  const sine = SINE; // local: fastest access in the loops below
  const { bus } = ctx;
  const sr = bus.sampleRate;
  const f = midiToFrequency(note.midi);
  const start = Math.round(note.time * sr);
  const held = Math.max(1, Math.round(note.duration * sr));
  const releaseTau = 0.07;
  const total = Math.min(bus.dry.length - start, held + Math.round(releaseTau * 6 * sr));
  if (total <= 0) return;
  const source = wavetable("glottal", (h) => 1 / Math.pow(h, 1.1), f, sr, 64);
  const formants = FORMANTS[note.syllable?.vowel ?? "a"].map(([freq, bw, gain]) => ({ ...resonator(freq, bw, sr), amp: gain }));
  const [r1, r2, r3] = formants as [(typeof formants)[0], (typeof formants)[0], (typeof formants)[0]];
  const consonantN = note.syllable?.consonant ? Math.round(0.03 * sr) : 0;
  const noise = new Noise(ctx.noiseSeed);
  const attackN = Math.round(0.04 * sr);
  const kr = Math.exp(-1 / (releaseTau * sr));
  const inc = (f * tsize) / sr;
  const vibInc = (5.2 * tsize) / sr;
  const vibStart = Math.round(0.15 * sr);
  const amp = 0.12 * note.velocity;
  const { dry, send } = bus;
  let phase = 0;
  let vib = 0;
  let rel = 1;
  let y11 = 0, y12 = 0, y21 = 0, y22 = 0, y31 = 0, y32 = 0;
  let hp = 0;
  for (let i = 0; i < total; i++) {
    let ratio = 1;
    if (i > vibStart) {
      vib += vibInc;
      if (vib >= tsize) vib -= tsize;
      ratio = 1 + 0.006 * Math.min(1, (i - vibStart) / (0.25 * sr)) * (sine[vib | 0] as number);
    }
    phase += inc * ratio;
    if (phase >= tsize) phase -= tsize;
    const pi = phase | 0;
    const s0 = source[pi] as number;
    let x = s0 + ((source[pi + 1] as number) - s0) * (phase - pi);
    const n = noise.next();
    x += 0.04 * n; // breath
    const o1 = r1.gain * x + r1.a1 * y11 + r1.a2 * y12;
    y12 = y11;
    y11 = o1;
    const o2 = r2.gain * x + r2.a1 * y21 + r2.a2 * y22;
    y22 = y21;
    y21 = o2;
    const o3 = r3.gain * x + r3.a1 * y31 + r3.a2 * y32;
    y32 = y31;
    y31 = o3;
    let v = o1 * r1.amp + o2 * r2.amp + o3 * r3.amp;
    let env = 1;
    if (i < consonantN) {
      // Consonant: high-passed noise while the voice fades in behind it.
      const hpOut = n - hp;
      hp = n;
      v = v * (i / consonantN) + hpOut * 0.05 * (1 - i / consonantN);
    } else if (i < attackN) env = i / attackN;
    if (i >= held) {
      rel *= kr;
      env *= rel;
    }
    const out = v * env * amp;
    dry[start + i] = (dry[start + i] as number) + out;
    send[start + i] = (send[start + i] as number) + out * 0.35;
  }
}
