import { describe, expect, it } from "vitest";
import { arrangeTrack } from "./arrangement";
import { lyricSyllables } from "./lyrics";
import { hashString, Rng } from "./random";
import { analysePrompt } from "./style";
import { diatonicChord, voiceChord } from "./theory";

const style = (prompt: string) => arrangeTrack({ prompt, seconds: 10 }).style;

describe("prompt → style", () => {
  it("tempo follows tempo words, genres and explicit BPM", () => {
    expect(style("slow chill ambient pads").bpm).toBeLessThan(80);
    expect(style("slow sad piano").bpm).toBeLessThanOrEqual(84);
    expect(style("fast energetic synth track").bpm).toBeGreaterThanOrEqual(128);
    expect(style("liquid drum and bass").bpm).toBeGreaterThanOrEqual(170);
    const techno = style("dark techno").bpm;
    expect(techno).toBeGreaterThanOrEqual(124);
    expect(techno).toBeLessThanOrEqual(134);
    expect(style("a house track at 123 bpm").bpm).toBe(123);
    // No tempo words: a hashed tempo in 70–150, fixed per prompt.
    for (const prompt of ["a song about my cat", "music for a rainy tuesday", "the colour blue"]) {
      const bpm = style(prompt).bpm;
      expect(bpm).toBeGreaterThanOrEqual(70);
      expect(bpm).toBeLessThanOrEqual(150);
      expect(style(prompt).bpm).toBe(bpm);
    }
  });

  it("mode and key follow mood words and explicit keys", () => {
    expect(style("sad dark melancholy strings").mode).toBe("minor");
    expect(style("happy bright sunny ukulele").mode).toBe("major");
    expect(style("a waltz in D major")).toMatchObject({ keyRoot: 2, mode: "major" });
    expect(style("ballad in F# minor")).toMatchObject({ keyRoot: 6, mode: "minor" });
    expect(style("piano piece in Bb major")).toMatchObject({ keyRoot: 10, mode: "major" });
    expect(arrangeTrack({ prompt: "piece in Eb minor", seconds: 5 }).keyName).toBe("Eb minor");
  });

  it("instruments follow instrument words", () => {
    expect(style("solo piano").palette).toEqual(["piano"]);
    expect(style("acoustic guitar").palette).toContain("pluck");
    expect(style("strings and a synth pad").palette).toEqual(expect.arrayContaining(["strings", "pad"]));
    expect(style("heavy 808 bass").palette).toContain("bass");
    expect(style("flute and bells").palette).toEqual(expect.arrayContaining(["flute", "bell"]));
    expect(style("rhodes").palette).toContain("epiano");
    // The genre's own words are not instruments: "drum and bass" is not just a bass.
    expect(style("drum and bass").palette.length).toBeGreaterThan(1);
    // Different prompts, different line-ups.
    expect(style("lofi hip hop").palette).not.toEqual(style("cinematic orchestral score").palette);
  });

  it("drums follow drum words and genres", () => {
    expect(style("techno").drums).toBe("four");
    expect(style("drum and bass").drums).toBe("breakbeat");
    expect(style("boom bap hip hop").drums).toBe("boombap");
    expect(style("ambient drone").drums).toBe("none");
    expect(style("piano ballad").drums).toBe("none");
    expect(style("piano with drums").drums).not.toBe("none");
    expect(style("house music without drums").drums).toBe("none");
  });

  it("is a pure function of the prompt (case and spacing aside)", () => {
    expect(style("Lo-Fi  Hip Hop")).toEqual(style("lo-fi hip hop"));
    const rng = () => new Rng(hashString("x"));
    expect(analysePrompt("jazz trio", rng())).toEqual(analysePrompt("jazz trio", rng()));
  });
});

describe("arrangement", () => {
  it("is deterministic", () => {
    const opts = { prompt: "funky groove with organ", seconds: 45, lyrics: "get up" };
    expect(arrangeTrack(opts)).toEqual(arrangeTrack({ ...opts }));
  });

  it("fills the requested length with a progression, sections and in-range events", () => {
    const a = arrangeTrack({ prompt: "upbeat pop song with piano, bass and drums", seconds: 95 });
    const bar = (60 / a.bpm) * 4;
    const last = a.sections[a.sections.length - 1]!;
    expect((last.startBar + last.bars) * bar).toBeGreaterThanOrEqual(95);
    expect(a.sections.map((s) => s.name)).toEqual(expect.arrayContaining(["intro", "verse", "chorus", "outro"]));
    expect(a.progression).toHaveLength(4);
    expect(a.notes.length).toBeGreaterThan(100);
    for (const n of a.notes) {
      expect(n.time).toBeGreaterThanOrEqual(0);
      expect(n.time).toBeLessThan(95);
      expect(n.midi).toBeGreaterThanOrEqual(24);
      expect(n.midi).toBeLessThanOrEqual(100);
      expect(n.velocity).toBeGreaterThan(0);
      expect(n.velocity).toBeLessThanOrEqual(1);
    }
    expect(new Set(a.notes.map((n) => n.instrument))).toEqual(new Set(["piano", "bass", ...a.roles.chords]));
    expect(a.drums.every((d) => d.time < 95)).toBe(true);
    // Melody and chords stay in the key (the minor V chord's leading tone aside).
    const scale = a.style.mode === "major" ? [0, 2, 4, 5, 7, 9, 11] : [0, 2, 3, 5, 7, 8, 10, 11];
    for (const n of a.notes) expect(scale).toContain((((n.midi - a.style.keyRoot) % 12) + 12) % 12);
  });

  it("loops get a whole number of bars and no intro/outro", () => {
    for (const seconds of [5, 8, 30]) {
      const a = arrangeTrack({ prompt: "dub techno loop", seconds, loop: true });
      const bars = (a.bpm * seconds) / 240;
      expect(Math.abs(bars - Math.round(bars))).toBeLessThan(1e-9);
      expect(a.sections.some((s) => s.name === "intro" || s.name === "outro")).toBe(false);
    }
  });
});

describe("theory and lyrics", () => {
  it("builds diatonic chords with names", () => {
    expect(diatonicChord(9, "minor", 0, false)).toMatchObject({ tones: [0, 3, 7], name: "Am" });
    expect(diatonicChord(9, "minor", 4, false)).toMatchObject({ tones: [7, 11, 14], name: "E" }); // major V
    expect(diatonicChord(0, "major", 1, true)).toMatchObject({ tones: [2, 5, 9, 12], name: "Dm7" });
    expect(diatonicChord(5, "major", 3, false).name).toBe("Bb");
  });

  it("voices chords inside the range with smooth movement", () => {
    const c = diatonicChord(0, "major", 0, false);
    const v = voiceChord(0, c, 53, 72, 60);
    expect(v.every((m) => m >= 53 && m <= 72)).toBe(true);
    expect(new Set(v.map((m) => m % 12))).toEqual(new Set([0, 4, 7]));
  });

  it("splits lyrics into sung syllables", () => {
    expect(lyricSyllables("[Chorus]\nLove me tender").map((s) => s.vowel)).toEqual(["o", "e", "e", "e"]);
    expect(lyricSyllables("oh yeah")[0]).toEqual({ vowel: "o", consonant: false });
    expect(lyricSyllables("")).toEqual([]);
  });
});
