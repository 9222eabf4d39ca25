import { describe, expect, it } from "vitest";
import { parseFrameHeader } from "@/lib/audio/mp3-frame-header";
import type { AudioFormat } from "@/lib/audio/format";
import { CONTENT_TYPES, formatSpec, LONG_MP3_SECONDS, renderTrack, renderTrackDetailed } from "./render";
import {
  averageSpectrum,
  coefficientOfVariation,
  decodeFlac,
  decodeMp3,
  decodeWav,
  estimateTempo,
  onsetTimes,
  rms,
  sameTempo,
  spectralCentroid,
  strongPeaks,
  zeroCrossingRates,
  type Decoded,
} from "@/tests/support/audio-analysis";

const PROMPT = "upbeat pop song with piano, bass and drums";

async function decode(format: AudioFormat, bytes: Buffer): Promise<Decoded> {
  if (format === "wav") return decodeWav(bytes);
  if (format === "mp3") return decodeMp3(bytes);
  return decodeFlac(bytes);
}

function magic(format: AudioFormat, bytes: Buffer): boolean {
  if (format === "wav") return bytes.toString("ascii", 0, 4) === "RIFF" && bytes.toString("ascii", 8, 12) === "WAVE";
  if (format === "flac") return bytes.toString("ascii", 0, 4) === "fLaC";
  // ID3v2 tag, or an MPEG frame sync (11 set bits).
  return bytes.toString("ascii", 0, 3) === "ID3" || (bytes[0] === 0xff && ((bytes[1] as number) & 0xe0) === 0xe0);
}

describe("renderTrack: each format decodes to real music of the requested length", () => {
  const seconds = 9.5;
  for (const format of ["wav", "mp3", "flac"] as const) {
    it(`${format}: magic bytes, duration, sample rate, loudness and spectral variety`, async () => {
      const bytes = await renderTrack({ prompt: PROMPT, seconds, format });
      expect(magic(format, bytes)).toBe(true);

      const decoded = await decode(format, bytes);
      const spec = formatSpec(format, seconds);
      expect(decoded.sampleRate).toBe(spec.sampleRate);
      // Mono (mpg123-decoder always hands back two channels, so read the MP3 frame header).
      if (format === "mp3") expect(parseFrameHeader(bytes, 0)?.mono).toBe(true);
      else expect(decoded.channels).toBe(1);
      // Exact for WAV/FLAC; MP3 is exact too because the LAME/Info tag lets mpg123 trim the
      // encoder delay and padding (the documented tolerance is 0.1 s).
      const duration = decoded.samples.length / decoded.sampleRate;
      expect(Math.abs(duration - seconds)).toBeLessThan(0.1);
      if (format !== "mp3") expect(decoded.samples.length).toBe(Math.round(seconds * spec.sampleRate));

      // Not silent: about -15 dBFS RMS overall, and every 2-second stretch is audible.
      expect(rms(decoded.samples)).toBeGreaterThan(0.08);
      const sr = decoded.sampleRate;
      for (let t = 0; t + 2 <= seconds; t += 2) expect(rms(decoded.samples, t * sr, (t + 2) * sr)).toBeGreaterThan(0.02);

      // Not one sine: many distinct strong spectral peaks and a zero-crossing rate that
      // changes from window to window (a steady tone would have a near-constant one).
      const peaks = strongPeaks(averageSpectrum(decoded.samples), sr, 30);
      expect(peaks.length).toBeGreaterThanOrEqual(6);
      const spread = Math.max(...peaks) / Math.min(...peaks);
      expect(spread).toBeGreaterThan(4); // peaks span more than two octaves
      expect(coefficientOfVariation(zeroCrossingRates(decoded.samples, 1024))).toBeGreaterThan(0.15);
      // And it does not clip.
      let peak = 0;
      for (const v of decoded.samples) peak = Math.max(peak, Math.abs(v));
      expect(peak).toBeLessThan(1);
    });
  }

  it("content types", () => {
    expect(CONTENT_TYPES).toEqual({ mp3: "audio/mpeg", wav: "audio/wav", flac: "audio/flac" });
  });

  it("hits odd lengths to the sample", async () => {
    for (const seconds of [1, 3.37, 0.25]) {
      const wav = decodeWav(await renderTrack({ prompt: "ambient piano", seconds, format: "wav" }));
      expect(wav.samples.length).toBe(Math.round(seconds * 32000));
      const mp3 = await decodeMp3(await renderTrack({ prompt: "ambient piano", seconds, format: "mp3" }));
      expect(mp3.samples.length).toBe(Math.round(seconds * 22050));
    }
  });

  it("uses 16 kHz for long MP3s only", () => {
    expect(formatSpec("mp3", LONG_MP3_SECONDS).sampleRate).toBe(22050);
    expect(formatSpec("mp3", LONG_MP3_SECONDS + 1).sampleRate).toBe(16000);
    expect(formatSpec("wav", 600).sampleRate).toBe(32000);
  });

  it("rejects bad input", async () => {
    await expect(renderTrack({ prompt: "x", seconds: -1, format: "wav" })).rejects.toThrow(RangeError);
    await expect(renderTrack({ prompt: "x", seconds: Number.NaN, format: "wav" })).rejects.toThrow(RangeError);
    await expect(renderTrack({ prompt: "x", seconds: 1, format: "ogg" as AudioFormat })).rejects.toThrow(RangeError);
  });
});

describe("renderTrack: determinism", () => {
  for (const format of ["wav", "mp3", "flac"] as const) {
    it(`${format}: the same options give identical bytes`, async () => {
      const opts = { prompt: "dreamy synthwave with arpeggios", seconds: 4, format, lyrics: "neon lights" };
      const a = await renderTrack(opts);
      const b = await renderTrack({ ...opts });
      expect(a.equals(b)).toBe(true);
    });
  }

  it("a different prompt gives different bytes", async () => {
    const a = await renderTrack({ prompt: "dreamy synthwave", seconds: 3, format: "wav" });
    const b = await renderTrack({ prompt: "dreamy synthwave!", seconds: 3, format: "wav" });
    expect(a.equals(b)).toBe(false);
  });
});

describe("renderTrack: prompts are audible in the result", () => {
  it("a slow sad piano ballad and fast techno differ in tempo, onsets and brightness", async () => {
    const seconds = 16;
    const ballad = await renderTrackDetailed({ prompt: "slow sad piano ballad", seconds, format: "wav" });
    const techno = await renderTrackDetailed({ prompt: "fast energetic techno with drums", seconds, format: "wav" });
    const b = decodeWav(ballad.bytes);
    const t = decodeWav(techno.bytes);

    // The plan: slow minor piano vs fast drums.
    expect(ballad.arrangement.bpm).toBeLessThan(85);
    expect(ballad.arrangement.style.mode).toBe("minor");
    expect(ballad.arrangement.roles.melody).toBe("piano");
    expect(ballad.arrangement.drums).toHaveLength(0);
    expect(techno.arrangement.bpm).toBeGreaterThanOrEqual(124);
    expect(techno.arrangement.drums.length).toBeGreaterThan(50);

    // The signal: the beat detected in each matches its own plan's tempo (up to an octave)
    // and not the other's.
    const tb = estimateTempo(b.samples, b.sampleRate);
    const tt = estimateTempo(t.samples, t.sampleRate);
    expect(sameTempo(tt, techno.arrangement.bpm)).toBe(true);
    expect(sameTempo(tb, ballad.arrangement.bpm)).toBe(true);
    expect(sameTempo(tt, ballad.arrangement.bpm)).toBe(false);
    expect(sameTempo(tb, techno.arrangement.bpm)).toBe(false);

    // Techno has denser onsets and a much brighter spectrum (hats, claps) than the piano.
    const onsetsB = onsetTimes(b.samples, b.sampleRate).length / seconds;
    const onsetsT = onsetTimes(t.samples, t.sampleRate).length / seconds;
    expect(onsetsT).toBeGreaterThan(onsetsB * 1.4);
    const centroidB = spectralCentroid(averageSpectrum(b.samples), b.sampleRate);
    const centroidT = spectralCentroid(averageSpectrum(t.samples), t.sampleRate);
    expect(centroidT).toBeGreaterThan(centroidB * 2);
  });

  it("the detected tempo follows the prompt across genres", async () => {
    for (const prompt of ["lofi hip hop study beats", "acoustic folk guitar with drums", "house music 124 bpm"]) {
      const r = await renderTrackDetailed({ prompt, seconds: 14, format: "wav" });
      const d = decodeWav(r.bytes);
      expect(sameTempo(estimateTempo(d.samples, d.sampleRate), r.arrangement.bpm), prompt).toBe(true);
    }
  });

  it("the explicit key shows in the pitch content", async () => {
    // Pitch-class energy: the tonic triad of the requested key dominates the chroma.
    for (const [prompt, triad] of [
      ["calm piano in A minor", [9, 0, 4]],
      ["calm piano in F# major", [6, 10, 1]],
    ] as const) {
      const r = await renderTrackDetailed({ prompt, seconds: 12, format: "wav" });
      const d = decodeWav(r.bytes);
      const chroma = pitchClassEnergy(d.samples, d.sampleRate);
      const top = [...chroma.keys()].sort((x, y) => (chroma[y] as number) - (chroma[x] as number)).slice(0, 5);
      for (const pc of triad) expect(top, prompt).toContain(pc);
    }
  });
});

describe("renderTrack: loops and vocals", () => {
  it("a loop splices cleanly: the end runs into the start without a jump, and nothing fades", async () => {
    const seconds = 6;
    const r = await renderTrackDetailed({ prompt: "chill lofi beat loop", seconds, format: "wav", loop: true });
    const { samples: x, sampleRate: sr } = decodeWav(r.bytes);
    expect(x.length).toBe(seconds * sr);
    // A whole number of bars, so the groove repeats on the downbeat.
    const bars = (r.arrangement.bpm * seconds) / 60 / 4;
    expect(Math.abs(bars - Math.round(bars))).toBeLessThan(1e-9);
    // The step across the splice point is no larger than ordinary sample-to-sample steps.
    const steps: number[] = [];
    for (let i = 1; i < x.length; i++) steps.push(Math.abs((x[i] as number) - (x[i - 1] as number)));
    steps.sort((a, b) => a - b);
    const p99 = steps[Math.floor(steps.length * 0.99)] as number;
    const splice = Math.abs((x[0] as number) - (x[x.length - 1] as number));
    expect(splice).toBeLessThanOrEqual(p99);
    // No fade-in or fade-out: both ends are as loud as the middle.
    const whole = rms(x);
    expect(rms(x, 0, sr * 0.25)).toBeGreaterThan(whole * 0.3);
    expect(rms(x, x.length - sr * 0.25, x.length)).toBeGreaterThan(whole * 0.3);
    // The same prompt without loop ends with a fade.
    const plain = decodeWav(await renderTrack({ prompt: "chill lofi beat loop", seconds, format: "wav" })).samples;
    expect(rms(plain, plain.length - sr * 0.1, plain.length)).toBeLessThan(rms(plain) * 0.2);
  });

  it("lyrics add a sung line; instrumental leaves it out", async () => {
    const base = { prompt: "happy pop song", seconds: 12, format: "wav" as const, lyrics: "[Verse]\nSunshine on the water, we are golden" };
    const sung = await renderTrackDetailed(base);
    const instrumental = await renderTrackDetailed({ ...base, instrumental: true });
    const vocalNotes = sung.arrangement.notes.filter((n) => n.instrument === "vocal");
    expect(vocalNotes.length).toBeGreaterThan(5);
    expect(vocalNotes.map((n) => n.syllable?.vowel).slice(0, 4)).toEqual(["u", "i", "o", "e"]); // Sun-shine on the…
    expect(instrumental.arrangement.notes.some((n) => n.instrument === "vocal")).toBe(false);
    expect(sung.bytes.equals(instrumental.bytes)).toBe(false);
  });
});

/** Energy per pitch class from spectral peaks between 80 Hz and 2 kHz. */
function pitchClassEnergy(x: Float32Array, sampleRate: number): number[] {
  const spectrum = averageSpectrum(x, 8192);
  const binHz = sampleRate / 8192;
  const chroma = new Array<number>(12).fill(0);
  for (let i = Math.ceil(80 / binHz); i < 2000 / binHz; i++) {
    const midi = 69 + 12 * Math.log2((i * binHz) / 440);
    const pc = ((Math.round(midi) % 12) + 12) % 12;
    chroma[pc] = (chroma[pc] as number) + (spectrum[i] as number) ** 2;
  }
  return chroma;
}
