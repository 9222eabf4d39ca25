import { describe, expect, it } from "vitest";
import { MAX_TITLE_CHARS, titleFromPrompt } from "./track-title";

describe("titleFromPrompt", () => {
  it("keeps a short prompt, whitespace tidied and capitalized", () => {
    expect(titleFromPrompt("lo-fi   beat\twith rain")).toBe("Lo-fi beat with rain");
  });

  it("takes a few words of the first clause, never ending on a dangling word", () => {
    expect(titleFromPrompt("A calm piano piece for a rainy afternoon")).toBe("A calm piano piece");
    expect(titleFromPrompt("Melancholic synthwave with analog pads, gated drums and a vocoder, 96 bpm")).toBe("Melancholic synthwave with analog pads");
    expect(titleFromPrompt("Upbeat bossa nova (nylon guitar, brushes)")).toBe("Upbeat bossa nova");
    expect(titleFromPrompt("Dark techno - rolling bassline")).toBe("Dark techno");
  });

  it("cuts at a word boundary within the limit, without an ellipsis", () => {
    const prompt = "Extraordinarily atmospheric cinematic orchestral soundscapes featuring strings";
    const title = titleFromPrompt(prompt);
    expect(title).toBe("Extraordinarily atmospheric cinematic");
    expect(title.length).toBeLessThanOrEqual(MAX_TITLE_CHARS);
    expect(prompt.startsWith(`${title} `)).toBe(true);
    for (const long of [prompt, "word ".repeat(50), "a".repeat(200), `${"x".repeat(39)} yz`]) {
      const cut = titleFromPrompt(long);
      expect(cut.length, long).toBeLessThanOrEqual(MAX_TITLE_CHARS);
      expect(cut).not.toMatch(/…|\.\.\./);
    }
  });

  it("keeps one-word clauses, numbers and versions whole", () => {
    expect(titleFromPrompt("Jazz: a smoky late-night trio with brushed drums")).toBe("Jazz: a smoky late-night trio");
    expect(titleFromPrompt("v2.5 synth arpeggios at 1,000 bpm")).toBe("V2.5 synth arpeggios at 1,000 bpm");
  });

  it("uses the first line with text of a multi-line prompt", () => {
    expect(titleFromPrompt("\n\n  Rainy city night\nverse: neon lights")).toBe("Rainy city night");
  });

  it("is Untitled for an empty, blank or punctuation-only prompt, and cuts a spaceless word by code point", () => {
    for (const prompt of ["", "   ", "\n\t", "!!! ... ---", "* * *"]) expect(titleFromPrompt(prompt), JSON.stringify(prompt)).toBe("Untitled");
    expect(titleFromPrompt("🎹 🌧️")).toBe("🎹 🌧️");
    expect(titleFromPrompt("雨の日のピアノ曲、静かで優しい")).toBe("雨の日のピアノ曲、静かで優しい");
    const emoji = titleFromPrompt("🎵".repeat(60));
    expect(Array.from(emoji)).toHaveLength(MAX_TITLE_CHARS);
    expect(emoji.isWellFormed()).toBe(true);
    expect(titleFromPrompt("https://example.com/a/very/long/path/to/a/reference/track.mp3").length).toBeLessThanOrEqual(MAX_TITLE_CHARS);
  });

  it("drops list and markdown marks at the edges, keeps quotes", () => {
    expect(titleFromPrompt("## - Epic trailer music")).toBe("Epic trailer music");
    expect(titleFromPrompt("> ominous choir \u0007drone")).toBe("Ominous choir drone");
    expect(titleFromPrompt('"Blue Monday" style synth pop')).toBe('"Blue Monday" style synth pop');
  });

  it("drops text-direction overrides and isolates, which would reorder what is shown after the title, and keeps right-to-left text", () => {
    expect(titleFromPrompt("\u202Eevil\u202C calm piano")).toBe("Evil calm piano");
    expect(titleFromPrompt("\u2066lofi\u2069 beats")).toBe("Lofi beats");
    expect(titleFromPrompt("\u202E\u2067")).toBe("Untitled");
    expect(titleFromPrompt("موسيقى هادئة \u200F للدراسة")).toBe("موسيقى هادئة \u200F للدراسة");
  });
});
