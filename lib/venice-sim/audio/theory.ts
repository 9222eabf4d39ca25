// Just enough music theory for the simulator: scales, diatonic chords, chord names and voicing.

export type Mode = "major" | "minor";

const SHARP_NAMES = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"] as const;
const FLAT_NAMES = ["C", "Db", "D", "Eb", "E", "F", "Gb", "G", "Ab", "A", "Bb", "B"] as const;
// Keys written with flats (by tonic pitch class); every other key is written with sharps.
const FLAT_KEYS: Record<Mode, number[]> = { major: [1, 3, 5, 8, 10], minor: [0, 2, 3, 5, 7, 10] };

/** Name of pitch class `pc` spelled for the key (e.g. A# in B major, Bb in F major). */
export function pitchName(pc: number, keyRoot: number, mode: Mode): string {
  const names = FLAT_KEYS[mode].includes(keyRoot) ? FLAT_NAMES : SHARP_NAMES;
  return names[((pc % 12) + 12) % 12] as string;
}

export function keyName(keyRoot: number, mode: Mode): string {
  return `${pitchName(keyRoot, keyRoot, mode)} ${mode}`;
}

const SCALES: Record<Mode, readonly number[]> = {
  major: [0, 2, 4, 5, 7, 9, 11],
  minor: [0, 2, 3, 5, 7, 8, 10], // natural minor; the V chord borrows the leading tone below
};

/** Semitones above the tonic of scale degree `degree` (0-based, may be negative or above 6). */
export function degreeToSemitone(mode: Mode, degree: number): number {
  const octave = Math.floor(degree / 7);
  const index = degree - octave * 7;
  return (SCALES[mode][index] ?? 0) + 12 * octave;
}

export type Chord = {
  /** Scale degree of the chord root (0 = tonic). */
  degree: number;
  /** Chord tones as semitones above the key's tonic, root first, ascending. */
  tones: number[];
  /** Chord symbol relative to the key root, e.g. "Am" or "Fmaj7". */
  name: string;
};

/** Diatonic triad (or seventh chord) on a scale degree. In minor the V chord is major. */
export function diatonicChord(keyRoot: number, mode: Mode, degree: number, seventh: boolean): Chord {
  const stack = seventh ? [0, 2, 4, 6] : [0, 2, 4];
  const tones = stack.map((step) => degreeToSemitone(mode, degree + step));
  if (mode === "minor" && ((degree % 7) + 7) % 7 === 4 && tones[1] !== undefined) tones[1] += 1;
  const root = tones[0] ?? 0;
  const third = (tones[1] ?? 0) - root;
  const fifth = (tones[2] ?? 0) - root;
  const sev = tones[3] !== undefined ? tones[3] - root : undefined;
  let quality = third === 3 ? (fifth === 6 ? "dim" : "m") : fifth === 8 ? "aug" : "";
  if (sev !== undefined) {
    if (quality === "" && sev === 11) quality = "maj7";
    else if (quality === "dim") quality = sev === 10 ? "m7b5" : "dim7";
    else quality += "7";
  }
  const name = `${pitchName(keyRoot + root, keyRoot, mode)}${quality}`;
  return { degree, tones, name };
}

/**
 * Places chord tones (semitones above the tonic) as MIDI notes inside [low, high], choosing the
 * inversion whose centre is closest to the previous voicing (smooth voice leading).
 */
export function voiceChord(keyRoot: number, chord: Chord, low: number, high: number, previousCentre: number): number[] {
  const pcs = chord.tones.map((t) => (((keyRoot + t) % 12) + 12) % 12);
  let best: number[] = [];
  let bestScore = Infinity;
  for (let inversion = 0; inversion < pcs.length; inversion++) {
    const order = [...pcs.slice(inversion), ...pcs.slice(0, inversion)];
    const first = order[0] ?? 0;
    for (let base = low + ((((first - low) % 12) + 12) % 12); base < high; base += 12) {
      const notes: number[] = [];
      let last = -Infinity;
      for (const pc of order) {
        let n = base + ((pc - first + 12) % 12);
        while (n <= last) n += 12;
        notes.push(n);
        last = n;
      }
      if ((notes[notes.length - 1] ?? 0) > high) continue;
      const centre = notes.reduce((a, b) => a + b, 0) / notes.length;
      const score = Math.abs(centre - previousCentre) + (inversion === 0 ? -0.5 : 0);
      if (score < bestScore) {
        bestScore = score;
        best = notes;
      }
    }
  }
  if (best.length === 0) best = pcs.map((pc) => low + ((pc - low) % 12 + 12) % 12).sort((a, b) => a - b);
  return best;
}

export function midiToFrequency(midi: number): number {
  return 440 * Math.pow(2, (midi - 69) / 12);
}
