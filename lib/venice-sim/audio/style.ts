// Reads a text prompt into musical style parameters: genre, tempo, key, instruments, drums.
// Words decide what they can (e.g. "slow sad piano" → ~70 BPM, minor, piano); a seeded PRNG
// keyed by the prompt decides the rest, so every prompt maps to one fixed style.

import { Rng } from "./random";
import type { Mode } from "./theory";

export type Instrument =
  | "piano"
  | "epiano"
  | "pluck"
  | "pad"
  | "strings"
  | "organ"
  | "bass"
  | "bell"
  | "lead"
  | "brass"
  | "flute"
  | "vocal";

export type DrumStyle = "four" | "breakbeat" | "boombap" | "backbeat" | "halftime" | "jazz" | "none";

export type Genre =
  | "dnb"
  | "trance"
  | "techno"
  | "house"
  | "trap"
  | "hiphop"
  | "lofi"
  | "synthwave"
  | "rock"
  | "jazz"
  | "funk"
  | "pop"
  | "ambient"
  | "cinematic"
  | "ballad"
  | "classical"
  | "folk"
  | "generic";

export type Style = {
  genre: Genre;
  bpm: number;
  keyRoot: number; // pitch class 0–11 (0 = C)
  mode: Mode;
  palette: Instrument[]; // instruments to use (the vocal is added separately, from lyrics)
  featured: Instrument | null; // the first instrument the prompt names (it carries the tune)
  drums: DrumStyle;
  swing: number; // 0 (straight) … 0.33 (triplet feel)
  reverb: number; // send level 0…1
  brightness: number; // 0 (dark, mellow) … 1 (bright)
  sevenths: boolean; // jazzy harmony
  guitarDrive: boolean; // overdriven plucks (rock)
  synthBass: boolean; // saw bass with filter envelope instead of a round electric bass
  lofi: boolean; // vinyl crackle + dulled top end
};

type GenreRule = {
  genre: Genre;
  pattern: RegExp;
  bpm: [number, number];
  drums: DrumStyle;
  palette: Instrument[];
  minorBias: number; // probability of minor when the words don't say
  swing?: number;
  reverb?: number;
};

// Checked in order: the first match wins ("drum and bass" before "bass", "trance" before "dance").
const GENRES: GenreRule[] = [
  { genre: "dnb", pattern: /\b(dnb|d&b|d'n'b|drum\s*(and|&|n|'n')\s*bass|jungle|liquid funk)\b/, bpm: [170, 176], drums: "breakbeat", palette: ["bass", "pad", "pluck"], minorBias: 0.8, reverb: 0.3 },
  { genre: "trance", pattern: /\b(psy)?trance\b/, bpm: [136, 142], drums: "four", palette: ["lead", "pad", "bass"], minorBias: 0.7, reverb: 0.35 },
  { genre: "techno", pattern: /\b(techno|rave|industrial|acid|minimal)\b/, bpm: [124, 134], drums: "four", palette: ["bass", "lead", "pad"], minorBias: 0.8, reverb: 0.2 },
  { genre: "house", pattern: /\b(house|edm|dance|disco|club)\b/, bpm: [118, 126], drums: "four", palette: ["epiano", "bass", "pad"], minorBias: 0.4, reverb: 0.22 },
  { genre: "trap", pattern: /\b(trap|drill|phonk)\b/, bpm: [132, 146], drums: "halftime", palette: ["bass", "bell", "pad"], minorBias: 0.85, reverb: 0.25 },
  { genre: "lofi", pattern: /\b(lo-?fi|chillhop|study beats?)\b/, bpm: [70, 88], drums: "boombap", palette: ["epiano", "bass", "pluck"], minorBias: 0.5, swing: 0.18, reverb: 0.25 },
  { genre: "hiphop", pattern: /\b(hip[\s-]?hop|boom[\s-]?bap|rap|r&b|rnb)\b/, bpm: [84, 96], drums: "boombap", palette: ["epiano", "bass", "pluck"], minorBias: 0.6, swing: 0.12, reverb: 0.18 },
  { genre: "synthwave", pattern: /\b(synthwave|retrowave|outrun|80s|chiptune|8-?bit|vaporwave)\b/, bpm: [96, 118], drums: "backbeat", palette: ["lead", "pad", "bass"], minorBias: 0.6, reverb: 0.35 },
  { genre: "rock", pattern: /\b(rock|punk|metal|grunge|indie|garage)\b/, bpm: [112, 150], drums: "backbeat", palette: ["pluck", "bass", "organ"], minorBias: 0.5, reverb: 0.12 },
  { genre: "jazz", pattern: /\b(jazz|jazzy|swing|bossa|bebop|lounge)\b/, bpm: [92, 138], drums: "jazz", palette: ["piano", "bass"], minorBias: 0.4, swing: 0.25, reverb: 0.22 },
  { genre: "funk", pattern: /\b(funk|funky|soul|groove|gospel|motown)\b/, bpm: [96, 114], drums: "backbeat", palette: ["epiano", "bass", "organ"], minorBias: 0.4, swing: 0.06, reverb: 0.15 },
  { genre: "pop", pattern: /\b(pop|k-?pop|j-?pop|radio)\b/, bpm: [100, 124], drums: "backbeat", palette: ["piano", "pluck", "bass", "pad"], minorBias: 0.3, reverb: 0.25 },
  { genre: "ambient", pattern: /\b(ambient|drone|meditat\w*|soundscape|sleep|new age|spa)\b/, bpm: [56, 72], drums: "none", palette: ["pad", "bell"], minorBias: 0.5, reverb: 0.55 },
  { genre: "cinematic", pattern: /\b(cinematic|orchestra\w*|epic|film|score|trailer|soundtrack|symphon\w*)\b/, bpm: [70, 100], drums: "none", palette: ["strings", "piano", "brass"], minorBias: 0.65, reverb: 0.45 },
  { genre: "ballad", pattern: /\b(ballad|lullaby|nocturne|love song)\b/, bpm: [60, 78], drums: "none", palette: ["piano", "strings"], minorBias: 0.5, reverb: 0.4 },
  { genre: "classical", pattern: /\b(classical|sonata|baroque|etude|waltz|chamber)\b/, bpm: [72, 112], drums: "none", palette: ["piano", "strings"], minorBias: 0.5, reverb: 0.35 },
  { genre: "folk", pattern: /\b(folk|country|acoustic|bluegrass|campfire|singer[\s-]?songwriter)\b/, bpm: [88, 120], drums: "backbeat", palette: ["pluck", "bass"], minorBias: 0.35, reverb: 0.2 },
];

// Instruments named in the prompt. Order matters only for readability.
const INSTRUMENT_WORDS: [Instrument, RegExp][] = [
  ["epiano", /\b(rhodes|wurli\w*|electric piano|e-?piano|keyboard)\b/],
  ["piano", /\b(piano|pianos|keys|grand)\b/],
  ["pluck", /\b(guitars?|pluck\w*|harp|ukulele|banjo|mandolin|koto|sitar|lute|acoustic)\b/],
  ["pad", /\b(synths?|pads?|dreamy|atmospher\w*|ethereal|space|spacey|synthesi[sz]er)\b/],
  ["strings", /\b(strings?|violins?|viola|cellos?|orchestra\w*|fiddle)\b/],
  ["organ", /\b(organ|hammond|church|gospel)\b/],
  ["bass", /\b(bass|basses|bassline|808s?|sub)\b/],
  ["bell", /\b(bells?|glocken\w*|music ?box|chimes?|celesta|kalimba|marimba|vibraphone|xylophone|lullaby)\b/],
  ["lead", /\b(lead|arps?|arpeggi\w*|chiptune|8-?bit|saw|acid)\b/],
  ["brass", /\b(brass|trumpets?|horns?|trombone|sax\w*|tuba)\b/],
  ["flute", /\b(flutes?|whistle|pan ?flute|recorder|ocarina|woodwinds?|clarinet|oboe)\b/],
];

const SLOW_WORDS = /\b(slow|slowly|calm|chill|chilled|relax\w*|gentle|soft|sleepy|lazy|peaceful|downtempo|mellow|tender|quiet|meditative|serene|ballad)\b/;
const FAST_WORDS = /\b(fast|energetic|energy|upbeat|driving|intense|hyper|frantic|aggressive|rapid|uptempo|pumping|banger|hard)\b/;
const MINOR_WORDS = /\b(sad|dark|darker|melanchol\w*|moody|gloomy|somber|sombre|haunting|tragic|lonely|mysterious|ominous|minor|tense|eerie|grief|sorrow\w*|heartbreak\w*|brooding|sinister|night|noir|rainy|bittersweet|nostalgic)\b/;
const MAJOR_WORDS = /\b(happy|bright|uplifting|joy\w*|cheerful|sunny|hopeful|playful|major|triumphant|summer|sunshine|fun|feel[\s-]?good|euphoric|optimistic|celebrat\w*|wedding)\b/;
const NO_DRUMS = /\b(no drums|without drums|drumless|a ?cappella|no percussion|no beat|solo)\b/;
const DRUM_WORDS = /\b(drums?|beats?|percussion|groove|kick|snare|hi-?hats?|breakbeat|rhythm)\b/;
const DARK_TIMBRE = /\b(warm|mellow|soft|muted|dark|dusty|vintage|lo-?fi|muffled|gentle)\b/;
const BRIGHT_TIMBRE = /\b(bright|crisp|sparkl\w*|shiny|shimmer\w*|airy|glassy|clean)\b/;
const WET_WORDS = /\b(reverb|spacious|dreamy|ethereal|cathedral|hall|washed|vast|echo\w*|atmospher\w*|cinematic)\b/;
const DRY_WORDS = /\b(dry|tight|punchy|intimate|close)\b/;

const NOTE_LETTERS: Record<string, number> = { c: 0, d: 2, e: 4, f: 5, g: 7, a: 9, b: 11 };

/** "in A minor", "key of F# major", "Eb minor" (mode word required to avoid reading "in a dream"). */
function explicitKey(text: string): { root: number; mode: Mode } | null {
  const m = /\b([a-g])\s?(#|♯|b|♭|-sharp|-flat| sharp| flat)?\s?(major|minor|maj|min)\b/.exec(text);
  if (!m) return null;
  let root = NOTE_LETTERS[m[1] ?? "c"] ?? 0;
  const accidental = m[2]?.trim();
  if (accidental === "#" || accidental === "♯" || accidental === "-sharp" || accidental === "sharp") root += 1;
  if (accidental === "b" || accidental === "♭" || accidental === "-flat" || accidental === "flat") root -= 1;
  return { root: (root + 12) % 12, mode: m[3]?.startsWith("maj") ? "major" : "minor" };
}

function explicitBpm(text: string): number | null {
  const m = /\b(\d{2,3})\s?bpm\b/.exec(text) ?? /\bbpm\s?(?:of\s)?(\d{2,3})\b/.exec(text);
  if (!m) return null;
  const bpm = Number(m[1]);
  return bpm >= 40 && bpm <= 220 ? bpm : null;
}

/** Normalises a prompt for matching: lower case, single spaces. */
export function normalisePrompt(prompt: string): string {
  return prompt.toLowerCase().replace(/\s+/g, " ").trim();
}

export function analysePrompt(prompt: string, rng: Rng): Style {
  const text = normalisePrompt(prompt);
  const rule = GENRES.find((g) => g.pattern.test(text));
  const genre: Genre = rule?.genre ?? "generic";
  const slow = SLOW_WORDS.test(text);
  const fast = FAST_WORDS.test(text);

  // Tempo: explicit BPM > genre range (nudged by slow/fast words) > slow/fast words > hash.
  let bpm: number;
  const said = explicitBpm(text);
  if (said !== null) bpm = said;
  else if (rule) {
    const [lo, hi] = rule.bpm;
    const span = hi - lo;
    const [a, b] = slow && !fast ? [lo, lo + span / 3] : fast && !slow ? [hi - span / 3, hi] : [lo, hi];
    bpm = Math.round(rng.range(a, b));
  } else if (slow && !fast) bpm = Math.round(rng.range(60, 84));
  else if (fast && !slow) bpm = Math.round(rng.range(128, 160));
  else bpm = Math.round(rng.range(70, 150));

  // Key and mode.
  const key = explicitKey(text);
  const minorWord = MINOR_WORDS.test(text);
  const majorWord = MAJOR_WORDS.test(text);
  let mode: Mode;
  if (key) mode = key.mode;
  else if (minorWord && !majorWord) mode = "minor";
  else if (majorWord && !minorWord) mode = "major";
  else mode = rng.chance(rule?.minorBias ?? 0.5) ? "minor" : "major";
  const keyRoot = key ? key.root : rng.int(0, 11);

  // Instruments: the ones named, else the genre's usual line-up, else a seeded pick. The genre's
  // own words are removed first ("drum and bass" names a genre, not a bass).
  const instrumentText = rule ? text.replace(new RegExp(rule.pattern.source, "g"), " ") : text;
  const named = INSTRUMENT_WORDS.filter(([, re]) => re.test(instrumentText)).map(([inst]) => inst);
  let palette: Instrument[];
  const solo = /\b(solo|alone|only)\b/.test(text) && named.length > 0;
  if (named.length > 0) {
    palette = [...named];
    if (!solo && rule) {
      // A named lead instrument joins the genre's band: its bass, and one more colour if the
      // prompt named a single pitched instrument (e.g. strings under a ballad's piano).
      if (!palette.includes("bass") && rule.palette.includes("bass")) palette.push("bass");
      const pitched = palette.filter((p) => p !== "bass");
      const extra = rule.palette.find((p) => p !== "bass" && !palette.includes(p));
      if (pitched.length === 1 && extra) palette.push(extra);
    }
  } else if (rule) {
    palette = [...rule.palette];
  } else {
    const pool: Instrument[] = ["piano", "pluck", "pad", "strings", "epiano", "bell", "organ", "flute", "lead", "brass"];
    const count = rng.int(2, 3);
    palette = [];
    while (palette.length < count) {
      const inst = rng.pick(pool);
      if (!palette.includes(inst)) palette.push(inst);
    }
    if (rng.chance(0.7)) palette.push("bass");
  }

  // Drums.
  let drums: DrumStyle = rule?.drums ?? "none";
  if (NO_DRUMS.test(text)) drums = "none";
  else if (drums === "none" && DRUM_WORDS.test(text)) drums = bpm >= 150 ? "breakbeat" : slow ? "halftime" : fast || bpm >= 118 ? "four" : "backbeat";
  else if (!rule && !slow && drums === "none" && rng.chance(0.6)) drums = fast || bpm >= 125 ? "four" : "backbeat";
  if (genre === "cinematic" && /\b(epic|trailer|battle|action)\b/.test(text) && !NO_DRUMS.test(text)) drums = "halftime";

  let brightness = rule?.genre === "ambient" || rule?.genre === "lofi" ? 0.35 : 0.55;
  if (DARK_TIMBRE.test(text)) brightness -= 0.2;
  if (BRIGHT_TIMBRE.test(text)) brightness += 0.25;
  if (fast) brightness += 0.1;
  brightness = Math.min(1, Math.max(0.1, brightness + rng.range(-0.05, 0.05)));

  let reverb = rule?.reverb ?? rng.range(0.18, 0.35);
  if (WET_WORDS.test(text)) reverb += 0.2;
  if (DRY_WORDS.test(text)) reverb -= 0.1;
  reverb = Math.min(0.75, Math.max(0.05, reverb));

  return {
    genre,
    featured: named.find((i) => i !== "bass") ?? null,
    bpm,
    keyRoot,
    mode,
    palette,
    drums,
    swing: rule?.swing ?? (/\b(swing|shuffle|swung)\b/.test(text) ? 0.25 : 0),
    reverb,
    brightness,
    sevenths: genre === "jazz" || genre === "lofi" || genre === "funk" || /\b(jazz\w*|neo[\s-]?soul|smooth)\b/.test(text),
    guitarDrive: genre === "rock" || /\b(distort\w*|overdriv\w*|heavy|fuzz)\b/.test(text),
    synthBass: ["dnb", "techno", "trance", "trap", "synthwave", "house"].includes(genre) || /\b(synth bass|acid|808s?)\b/.test(text),
    lofi: genre === "lofi" || /\b(vinyl|tape|cassette|dusty)\b/.test(text),
  };
}
