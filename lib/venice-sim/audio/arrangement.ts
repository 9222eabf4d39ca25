// Prompt → a deterministic score: tempo, key, chord progression, sections, and the note and drum
// events that the synth renders. All randomness comes from a PRNG seeded by a hash of the prompt,
// so one prompt always gives the same song: the length changes only the form (how many
// sections), never the tempo, key, progression, instruments or themes.

import { hashString, Rng } from "./random";
import { analysePrompt, normalisePrompt, type DrumStyle, type Instrument, type Style } from "./style";
import { degreeToSemitone, diatonicChord, keyName, voiceChord, type Chord } from "./theory";
import { lyricSyllables, type Syllable } from "./lyrics";

export type { Instrument, DrumStyle, Style } from "./style";

export type DrumKind = "kick" | "snare" | "clap" | "hat" | "openhat" | "crash" | "shaker";

export type NoteEvent = {
  time: number; // seconds from the start
  duration: number; // seconds the key is held (the voice's release rings on after it)
  midi: number;
  velocity: number; // 0…1
  instrument: Instrument;
  syllable?: Syllable; // vocal notes only
};

export type DrumHit = { time: number; kind: DrumKind; velocity: number };

export type SectionName = "intro" | "verse" | "chorus" | "bridge" | "outro" | "loop";

export type Section = { name: SectionName; startBar: number; bars: number };

export type ArrangeOptions = {
  prompt: string;
  seconds: number;
  loop?: boolean;
  instrumental?: boolean;
  lyrics?: string;
};

export type Arrangement = {
  seed: number;
  style: Style;
  bpm: number; // may differ slightly from style.bpm for loops (a whole number of bars)
  keyName: string; // e.g. "A minor"
  progression: string[]; // chord symbols, one per chord slot
  barsPerChord: number;
  sections: Section[];
  roles: { chords: Instrument[]; melody: Instrument | null; arp: Instrument | null; bass: Instrument | null; vocal: boolean };
  seconds: number;
  loop: boolean;
  notes: NoteEvent[];
  drums: DrumHit[];
};

const MAJOR_PROGRESSIONS = [
  [0, 4, 5, 3], // I V vi IV
  [0, 5, 3, 4], // I vi IV V
  [5, 3, 0, 4], // vi IV I V
  [0, 3, 4, 3], // I IV V IV
  [1, 4, 0, 5], // ii V I vi
  [0, 2, 3, 4], // I iii IV V
  [3, 4, 2, 5], // IV V iii vi
];
const MINOR_PROGRESSIONS = [
  [0, 5, 2, 6], // i VI III VII
  [0, 3, 4, 0], // i iv V i
  [0, 6, 5, 6], // i VII VI VII
  [0, 3, 5, 4], // i iv VI V
  [0, 5, 3, 4], // i VI iv V
  [0, 2, 6, 3], // i III VII iv
];

const BEATS_PER_BAR = 4;

/** Instruments that can carry a sustained chord bed, best first. */
const CHORD_ORDER: Instrument[] = ["pad", "strings", "organ", "piano", "epiano", "pluck", "bell", "brass", "lead", "flute"];
/** Instruments that can carry the tune, best first. */
const MELODY_ORDER: Instrument[] = ["lead", "flute", "brass", "bell", "piano", "pluck", "epiano", "strings", "organ", "pad"];

const MELODY_RANGE: Record<Instrument, number> = {
  piano: 67, epiano: 67, pluck: 64, pad: 67, strings: 67, organ: 67, bass: 43, bell: 76, lead: 67, brass: 62, flute: 74, vocal: 62,
};

type Motif = { step: number; steps: number; degree: number; accent: number }[]; // on an 8th-note grid, 2 bars

/**
 * The score being written and what every pattern writer shares: the grid, the humanised timing
 * and velocity, and the events so far. `timeOf` and `vel` draw from one PRNG, so the writers
 * must run in the same order for a prompt to keep its song.
 */
type Score = {
  style: Style;
  beat: number;
  bar: number;
  /** Nothing starts at or after this time (the requested length). */
  end: number;
  chordAt: (barIndex: number) => Chord;
  timeOf: (barIndex: number, beatInBar: number) => number;
  vel: (v: number) => number;
  push: (n: NoteEvent) => void;
  notes: NoteEvent[];
  drums: DrumHit[];
};

export function arrangeTrack(opts: ArrangeOptions): Arrangement {
  const seed = hashString(normalisePrompt(opts.prompt));
  const rng = new Rng(seed);
  const style = analysePrompt(opts.prompt, rng.fork("style"));
  const loop = opts.loop === true;
  const seconds = Math.max(0, opts.seconds);

  const bpm = fitTempo(style.bpm, seconds, loop);
  const beat = 60 / bpm;
  const bar = beat * BEATS_PER_BAR;
  const totalBars = Math.max(1, Math.ceil(seconds / bar));

  const { chords, barsPerChord } = chooseHarmony(style, rng.fork("progression"));
  const chordAt = (barIndex: number): Chord => chords[Math.floor(barIndex / barsPerChord) % chords.length] as Chord;

  const sections = planSections(totalBars, loop, bpm);
  const roles = assignRoles(style, opts, rng.fork("roles"));
  const syllables = roles.vocal ? lyricSyllables(opts.lyrics ?? "") : [];

  const score = startScore(style, beat, bar, seconds, chordAt, rng.fork("humanise"));
  const motifs = makeMotifs(rng.fork("motifs"), style.bpm);
  writeSections(score, { sections, roles, motifs, syllables, barsPerChord });

  score.notes.sort((a, b) => a.time - b.time || a.midi - b.midi);
  score.drums.sort((a, b) => a.time - b.time);

  return {
    seed,
    style,
    bpm,
    keyName: keyName(style.keyRoot, style.mode),
    progression: chords.map((c) => c.name),
    barsPerChord,
    sections,
    roles,
    seconds,
    loop,
    notes: score.notes,
    drums: score.drums,
  };
}

/** The style's tempo; a loop gets a whole number of bars so the groove wraps around on the downbeat. */
function fitTempo(styleBpm: number, seconds: number, loop: boolean): number {
  if (!loop || seconds <= 0) return styleBpm;
  const bars = Math.max(1, Math.round((seconds * styleBpm) / 60 / BEATS_PER_BAR));
  const fitted = (bars * BEATS_PER_BAR * 60) / seconds;
  return fitted >= 40 && fitted <= 240 ? fitted : styleBpm;
}

function chooseHarmony(style: Style, rng: Rng): { chords: Chord[]; barsPerChord: number } {
  const degrees = rng.pick(style.mode === "major" ? MAJOR_PROGRESSIONS : MINOR_PROGRESSIONS);
  const chords = degrees.map((d) => diatonicChord(style.keyRoot, style.mode, d, style.sevenths));
  const barsPerChord = style.drums === "four" || style.drums === "breakbeat" || style.genre === "ambient" ? 2 : 1;
  return { chords, barsPerChord };
}

function startScore(style: Style, beat: number, bar: number, end: number, chordAt: (barIndex: number) => Chord, human: Rng): Score {
  const notes: NoteEvent[] = [];
  const electronic = ["techno", "trance", "house", "dnb", "trap", "synthwave"].includes(style.genre);
  return {
    style,
    beat,
    bar,
    end,
    chordAt,
    timeOf: (barIndex, beatInBar) => {
      const b = applySwing(beatInBar, style.swing);
      const jitter = electronic ? 0 : human.range(-0.006, 0.006);
      return Math.max(0, barIndex * bar + b * beat + jitter);
    },
    vel: (v) => Math.min(1, Math.max(0.05, v * (electronic ? 1 : human.range(0.88, 1.08)))),
    push: (n) => {
      if (n.time < end && n.duration > 0) notes.push(n);
    },
    notes,
    drums: [],
  };
}

/** One motif per section kind, repeated so the song has recognisable themes. */
function makeMotifs(rng: Rng, styleBpm: number): Record<SectionName, Motif> {
  const dense = styleBpm < 90 ? 0.45 : styleBpm < 130 ? 0.4 : 0.3;
  return {
    intro: makeMotif(rng, dense * 0.7, 2),
    verse: makeMotif(rng, dense, 0),
    chorus: makeMotif(rng, dense * 1.2, 3),
    bridge: makeMotif(rng, dense * 0.8, 1),
    outro: makeMotif(rng, dense * 0.6, 0),
    loop: makeMotif(rng, dense * 1.1, 2),
  };
}

type Plan = {
  sections: Section[];
  roles: Arrangement["roles"];
  motifs: Record<SectionName, Motif>;
  syllables: Syllable[];
  barsPerChord: number;
};

/** Writes every bar of every section: chord bed, arpeggio, bass, melody, drums, in that order. */
function writeSections(score: Score, { sections, roles, motifs, syllables, barsPerChord }: Plan): void {
  const { style, bar, end } = score;
  const lyric = { syllables, next: 0 };
  let prevCentre = 60;
  for (const section of sections) {
    const energy = SECTION_ENERGY[section.name];
    for (let i = 0; i < section.bars; i++) {
      const b = section.startBar + i;
      if (b * bar >= end) break;
      const chord = score.chordAt(b);
      const chordStart = Math.floor(b / barsPerChord) * barsPerChord === b;
      const lastBarOfSection = i === section.bars - 1;

      // Chord bed.
      for (const inst of roles.chords) {
        const low = inst === "pluck" ? 52 : inst === "bell" ? 64 : 53;
        const voicing = voiceChord(style.keyRoot, chord, low, low + 19, prevCentre);
        comp(score, inst, voicing, b, chordStart, barsPerChord, energy);
      }
      const voicing = voiceChord(style.keyRoot, chord, 53, 72, prevCentre);
      prevCentre = voicing.reduce((a, n) => a + n, 0) / voicing.length;

      // Arpeggio (electronic lead under a different melody instrument).
      if (roles.arp && energy >= 0.6) arpeggio(score, roles.arp, voicing, b, energy);

      // Bass.
      if (roles.bass && section.name !== "intro" && energy >= 0.45) bassLine(score, chord, b, energy, lastBarOfSection);

      if (section.name !== "intro" || section.bars >= 4) {
        const singer = roles.vocal && (section.name === "verse" || section.name === "chorus" || section.name === "loop");
        const inst = singer ? "vocal" : roles.melody;
        if (inst && (section.name !== "intro" || i >= 2)) melodyBar(score, { motif: motifs[section.name], section, i, b, chord, energy, inst, lyric });
      }

      // Drums.
      if (style.drums !== "none") drumBar(score, style.drums, b, energy, lastBarOfSection, i === 0 && section.name !== "intro");
    }
  }
}

type MelodyBar = {
  motif: Motif;
  section: Section;
  /** The bar within its section. */
  i: number;
  b: number;
  chord: Chord;
  energy: number;
  inst: Instrument;
  /** The lyric's syllables, sung in turn; `next` moves on with every sung note. */
  lyric: { syllables: Syllable[]; next: number };
};

/** One bar of the melody: half of its section's 2-bar motif; the second pair of bars answers the first. */
function melodyBar(score: Score, { motif, section, i, b, chord, energy, inst, lyric }: MelodyBar): void {
  const { style, beat, timeOf, vel, push } = score;
  const half = i % 2;
  const answer = Math.floor(i / 2) % 2 === 1;
  for (const n of motif) {
    if (Math.floor(n.step / 8) !== half) continue;
    const stepInBar = n.step % 8;
    const beatInBar = stepInBar / 2;
    const strong = stepInBar % 4 === 0;
    const degree = n.degree + (answer && n.step >= 12 ? -1 : 0) + (section.name === "chorus" ? 2 : 0);
    let semis = degreeToSemitone(style.mode, degree);
    if (strong || n.steps >= 3) semis = snapToChord(semis, chord);
    const base = MELODY_RANGE[inst];
    const rootNear = base - ((base - style.keyRoot) % 12 + 12) % 12;
    const midi = rootNear + semis;
    const note: NoteEvent = {
      time: timeOf(b, beatInBar),
      duration: n.steps * 0.5 * beat * (inst === "pluck" || inst === "bell" ? 0.9 : 0.96),
      midi,
      velocity: vel((0.62 + 0.25 * n.accent) * (0.75 + 0.25 * energy)),
      instrument: inst,
    };
    if (inst === "vocal" && lyric.syllables.length > 0) {
      note.syllable = lyric.syllables[lyric.next % lyric.syllables.length];
      lyric.next++;
    }
    push(note);
  }
}

// ---- pattern writers: one bar of one part ----

function comp(score: Score, inst: Instrument, voicing: number[], b: number, chordStart: boolean, span: number, energy: number): void {
  const { style, beat, bar, timeOf, vel, push } = score;
  const v = 0.5 + 0.3 * energy;
  const chordNow = score.chordAt(b);
  switch (inst) {
    case "pad":
    case "strings":
    case "organ":
    case "brass":
      if (!chordStart) return;
      for (const m of voicing) push({ time: timeOf(b, 0), duration: span * bar * 1.02, midi: m, velocity: vel(v * 0.8), instrument: inst });
      return;
    case "piano":
      if (style.bpm < 96 || style.drums === "none") {
        // Broken chord in 8ths over the chord root in the left hand on the downbeat.
        const root = voicing[0] ?? 60;
        const left = 40 + ((((style.keyRoot + (chordNow.tones[0] ?? 0)) - 40) % 12) + 12) % 12;
        push({ time: timeOf(b, 0), duration: bar * 0.95, midi: left, velocity: vel(v * 0.85), instrument: inst });
        const order = [0, 1, 2, 1, voicing.length - 1, 1, 2, 1];
        for (let s = 0; s < 8; s++) {
          const m = voicing[order[s] ?? 0] ?? root;
          push({ time: timeOf(b, s / 2), duration: beat * 1.4, midi: m, velocity: vel(v * (s % 2 ? 0.55 : 0.7)), instrument: inst });
        }
      } else {
        for (const at of [0, 1.5, 2, 3.5]) for (const m of voicing) push({ time: timeOf(b, at), duration: beat * 0.9, midi: m, velocity: vel(v * (at % 2 === 0 ? 0.7 : 0.5)), instrument: inst });
      }
      return;
    case "epiano":
      for (const [at, len] of [[0, 1.4], [1.5, 0.5], [2.5, 1.3]] as const)
        for (const m of voicing) push({ time: timeOf(b, at), duration: beat * len, midi: m, velocity: vel(v * 0.6), instrument: inst });
      return;
    case "pluck": {
      if (style.guitarDrive) {
        // Power-chord 8ths: root, fifth and octave.
        const root = 40 + ((((style.keyRoot + (chordNow.tones[0] ?? 0)) - 40) % 12) + 12) % 12;
        const fifth = root + (chordNow.tones[2] ?? 7) - (chordNow.tones[0] ?? 0);
        for (let s = 0; s < 8; s++) for (const m of [root, fifth, root + 12]) push({ time: timeOf(b, s / 2), duration: beat * 0.45, midi: m, velocity: vel(v * (s % 2 ? 0.6 : 0.75)), instrument: inst });
        return;
      }
      const order = [0, 1, 2, 1, 2, 1, 0, 2];
      for (let s = 0; s < 8; s++) push({ time: timeOf(b, s / 2), duration: beat * 0.9, midi: voicing[order[s] ?? 0] ?? 60, velocity: vel(v * 0.65), instrument: inst });
      return;
    }
    case "bell":
    case "lead":
    case "flute":
      for (const [k, at] of [0, 1.5, 3].entries()) push({ time: timeOf(b, at), duration: beat * 1.2, midi: voicing[k % voicing.length] ?? 72, velocity: vel(v * 0.5), instrument: inst });
      return;
    default:
      return;
  }
}

function arpeggio(score: Score, inst: Instrument, voicing: number[], b: number, energy: number): void {
  const { beat, timeOf, vel, push } = score;
  const tones = [...voicing, (voicing[0] ?? 60) + 12];
  const order = [0, 1, 2, 3, 2, 1, 0, 2, 3, 1, 2, 0, 3, 2, 1, 2];
  for (let s = 0; s < 16; s++)
    push({ time: timeOf(b, s / 4), duration: beat * 0.2, midi: (tones[(order[s] ?? 0) % tones.length] ?? 60) + 12, velocity: vel((s % 4 === 0 ? 0.6 : 0.42) * energy), instrument: inst });
}

function bassLine(score: Score, chord: Chord, b: number, energy: number, fill: boolean): void {
  const { style, beat, timeOf, vel, push } = score;
  const root = 36 + (((style.keyRoot + (chord.tones[0] ?? 0)) % 12) + 12) % 12; // C2…B2
  const fifth = root + (chord.tones[2] ?? 7) - (chord.tones[0] ?? 0); // the chord's own fifth
  const inst: Instrument = "bass";
  const v = 0.7 + 0.25 * energy;
  const hits: [number, number, number][] = []; // beat, length in beats, midi
  switch (style.drums) {
    case "four":
      for (let q = 0; q < 4; q++) hits.push([q + 0.5, 0.4, style.genre === "house" && q % 2 ? root + 12 : root]);
      break;
    case "breakbeat":
      hits.push([0, 1.4, root], [1.5, 1.2, root], [3, 0.9, q(fifth - 12, root)]);
      break;
    case "boombap":
    case "jazz":
      hits.push([0, 1.3, root], [1.75, 0.5, root], [2.5, 1, fifth], [3.5, 0.45, root + 12]);
      break;
    case "halftime":
      hits.push([0, 2.6, root], [2.75, 1.1, root]);
      break;
    case "backbeat":
      if (style.guitarDrive) for (let e = 0; e < 8; e++) hits.push([e / 2, 0.42, root]);
      else hits.push([0, 1.4, root], [1.5, 0.5, root], [2, 1.4, fifth], [3.5, 0.45, root]);
      break;
    default:
      hits.push([0, 3.8, root]);
  }
  if (fill && style.drums !== "none") hits.push([3.75, 0.22, root + 12]);
  for (const [at, len, midi] of hits) push({ time: timeOf(b, at), duration: len * beat, midi, velocity: vel(v), instrument: inst });
}

function drumBar(score: Score, kind: DrumStyle, b: number, energy: number, fill: boolean, crash: boolean): void {
  const { style, end, timeOf, vel, drums } = score;
  const hit = (step: number, k: DrumKind, v: number) => {
    const t = timeOf(b, step / 4);
    if (t < end) drums.push({ time: t, kind: k, velocity: vel(v) });
  };
  if (energy < 0.45) {
    // Intros and breakdowns keep just a ticking hat (and nothing at all for the quietest).
    if (energy >= 0.3) for (let s = 2; s < 16; s += 4) hit(s, "hat", 0.35);
    return;
  }
  const full = energy >= 0.9;
  if (crash && full) hit(0, "crash", 0.7);
  switch (kind) {
    case "four":
      for (let s = 0; s < 16; s += 4) hit(s, "kick", 1);
      for (const s of [4, 12]) hit(s, style.genre === "techno" ? "clap" : "snare", 0.8);
      for (let s = 2; s < 16; s += 4) hit(s, full && style.genre !== "techno" ? "openhat" : "hat", 0.6);
      if (full) for (let s = 1; s < 16; s += 2) hit(s, "hat", 0.3);
      break;
    case "breakbeat":
      for (const s of [0, 10]) hit(s, "kick", 1);
      for (const s of [4, 12]) hit(s, "snare", 0.9);
      for (const s of [7, 15]) hit(s, "snare", 0.25);
      for (let s = 0; s < 16; s += full ? 1 : 2) hit(s, "hat", s % 2 ? 0.28 : 0.5);
      break;
    case "boombap":
      for (const s of [0, 7, 10]) hit(s, "kick", s === 0 ? 1 : 0.8);
      for (const s of [4, 12]) hit(s, "snare", 0.85);
      for (let s = 0; s < 16; s += 2) hit(s, style.lofi ? "shaker" : "hat", s % 4 ? 0.35 : 0.5);
      break;
    case "backbeat":
      for (const s of full ? [0, 6, 8, 10] : [0, 8]) hit(s, "kick", 0.95);
      for (const s of [4, 12]) hit(s, "snare", 0.85);
      for (let s = 0; s < 16; s += 2) hit(s, "hat", s % 4 ? 0.38 : 0.55);
      break;
    case "halftime":
      for (const s of [0, 11]) hit(s, "kick", 1);
      hit(8, "clap", 0.9);
      for (let s = 0; s < 16; s += 2) hit(s, "hat", 0.45);
      if (full) for (const s of [13, 14, 15]) hit(s + 0.5, "hat", 0.3);
      break;
    case "jazz":
      for (const s of [0, 4, 6, 8, 12, 14]) hit(s, "hat", s % 4 ? 0.35 : 0.5);
      hit(0, "kick", 0.5);
      hit(10, "snare", 0.25);
      break;
    default:
      return;
  }
  if (fill) for (const s of [12, 13, 14, 15]) hit(s, "snare", 0.4 + 0.1 * (s - 12));
}

/** Picks between two notes the one closer to a reference (keeps bass lines compact). */
function q(a: number, ref: number): number {
  return Math.abs(a - ref) <= Math.abs(a + 12 - ref) ? a : a + 12;
}

const SECTION_ENERGY: Record<SectionName, number> = { intro: 0.35, verse: 0.7, chorus: 1, bridge: 0.5, outro: 0.4, loop: 0.9 };

/** Delays off-beat 8ths (and 16ths proportionally) for a swung feel. */
function applySwing(beatInBar: number, swing: number): number {
  if (swing <= 0) return beatInBar;
  const frac = beatInBar - Math.floor(beatInBar);
  if (Math.abs(frac - 0.5) < 1e-6) return beatInBar + swing * 0.5;
  if (Math.abs(frac - 0.75) < 1e-6) return beatInBar + swing * 0.25;
  return beatInBar;
}

function planSections(totalBars: number, loop: boolean, bpm: number): Section[] {
  const sections: Section[] = [];
  const add = (name: SectionName, bars: number) => {
    const startBar = sections.reduce((n, s) => n + s.bars, 0);
    const left = totalBars - startBar;
    if (left > 0 && bars > 0) sections.push({ name, startBar, bars: Math.min(bars, left) });
  };
  if (loop || totalBars < 6) {
    // Loops and very short clips play one full-energy section (alternating themes if long).
    for (let i = 0; sections.reduce((n, s) => n + s.bars, 0) < totalBars; i++) add(i % 2 ? "chorus" : "loop", 8);
    return sections;
  }
  const phrase = bpm < 80 || totalBars < 24 ? 4 : 8; // short pieces still reach a chorus
  const introBars = totalBars >= 24 ? 4 : 2;
  const outroBars = totalBars >= 24 ? 4 : 2;
  add("intro", introBars);
  const body: SectionName[] = ["verse", "chorus", "verse", "chorus", "bridge", "chorus"];
  let i = 0;
  while (sections.reduce((n, s) => n + s.bars, 0) < totalBars - outroBars) {
    const name = body[i % body.length] as SectionName;
    const used = sections.reduce((n, s) => n + s.bars, 0);
    add(name, Math.min(name === "bridge" ? phrase / 2 : phrase, totalBars - outroBars - used));
    i++;
  }
  add("outro", outroBars);
  return sections;
}

function assignRoles(style: Style, opts: ArrangeOptions, rng: Rng): Arrangement["roles"] {
  const pitched = style.palette.filter((p) => p !== "bass");
  const bass: Instrument | null = style.palette.includes("bass") ? "bass" : null;
  const vocal = !opts.instrumental && typeof opts.lyrics === "string" && opts.lyrics.trim().length > 0;
  const electronic = ["techno", "trance", "synthwave", "dnb"].includes(style.genre);
  const byOrder = (order: Instrument[], pool: Instrument[]) => order.filter((i) => pool.includes(i));

  if (pitched.length === 0) return { chords: [], melody: bass ? null : "piano", arp: null, bass, vocal };
  if (pitched.length === 1) {
    const only = pitched[0] as Instrument;
    return { chords: [only], melody: only, arp: null, bass, vocal };
  }
  const featured = style.featured;
  if (featured && featured !== "pad") {
    // The instrument the prompt names carries the tune; piano, guitar and electric piano also
    // accompany themselves, and the next chord instrument adds a bed underneath.
    const selfAccompanying = featured === "piano" || featured === "pluck" || featured === "epiano";
    const bed = byOrder(CHORD_ORDER, pitched).find((i) => i !== featured);
    const chords = [...(selfAccompanying ? [featured] : []), ...(bed ? [bed] : [])];
    return { chords, melody: featured, arp: null, bass, vocal };
  }
  const chordCandidates = byOrder(CHORD_ORDER, pitched);
  let chords = chordCandidates.slice(0, 1);
  let melodyPool = byOrder(MELODY_ORDER, pitched).filter((i) => !chords.includes(i));
  let arp: Instrument | null = null;
  // Electronic lead plays 16th arpeggios when another instrument can sing the tune.
  if (electronic && pitched.includes("lead") && melodyPool.length >= 2) {
    arp = "lead";
    melodyPool = melodyPool.filter((i) => i !== "lead");
  }
  const melody = melodyPool[0] ?? chords[0] ?? null;
  // A third harmonic instrument doubles the chord bed (e.g. strings under piano).
  const extra = chordCandidates.filter((i) => !chords.includes(i) && i !== melody && i !== arp);
  if (extra.length > 0 && rng.chance(0.7)) chords = [...chords, extra[0] as Instrument];
  return { chords, melody, arp, bass, vocal };
}

/** A 2-bar phrase on an 8th-note grid: contour as scale degrees, starting on the downbeat. */
function makeMotif(rng: Rng, density: number, startDegree: number): Motif {
  const motif: Motif = [];
  let degree = startDegree;
  let step = 0;
  while (step < 16) {
    const strong = step % 4 === 0;
    const lengths = density > 0.42 ? [1, 1, 2, 2, 3] : density > 0.33 ? [1, 2, 2, 3, 4] : [2, 2, 3, 4, 4, 6];
    let steps = rng.pick(lengths);
    if (step + steps > 16) steps = 16 - step;
    const rest = step > 0 && !strong && rng.chance(0.15);
    if (!rest) motif.push({ step, steps, degree, accent: strong ? 1 : 0.4 });
    step += steps;
    const move = rng.pick([-2, -1, -1, 0, 1, 1, 2, 3, -3]);
    degree = Math.max(-3, Math.min(9, degree + move));
  }
  // End the phrase on a long note for shape.
  const last = motif[motif.length - 1];
  if (last && last.step + last.steps < 16) last.steps = 16 - last.step;
  return motif;
}

/** Moves a melody note (semitones above the tonic) to the nearest tone of the chord. */
function snapToChord(semis: number, chord: Chord): number {
  const pcs = chord.tones.map((t) => ((t % 12) + 12) % 12);
  for (const d of [0, -1, 1, -2, 2, -3, 3, -4, 4]) if (pcs.includes((((semis + d) % 12) + 12) % 12)) return semis + d;
  return semis;
}
