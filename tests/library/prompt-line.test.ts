import { describe, expect, it } from "vitest";
import { promptLine } from "@/components/library/prompt-line";
import { titleFromPrompt } from "@/lib/generations/track-title";

// A library row never shows the same text twice: the prompt line goes when it starts with the title.

describe("promptLine", () => {
  it("hides a prompt that starts with its title, whatever the case and whitespace", () => {
    expect(promptLine("Twin bells echoing", "twin bells echoing in a stone hall")).toBeNull();
    expect(promptLine("Twin  bells\techoing", "  TWIN bells\n echoing, in a stone hall")).toBeNull();
    expect(promptLine("Rain", "rain")).toBeNull();
  });

  it("hides the prompt of every title the studio makes from it", () => {
    for (const prompt of ["twin bells echoing in a stone hall", "Jazz: a smoky trio at midnight", "calm piano, with rain on the window", "lofi\nbeats to study to"]) {
      expect(promptLine(titleFromPrompt(prompt), prompt)).toBeNull();
    }
  });

  it("keeps the prompt when the title was renamed to something else", () => {
    expect(promptLine("Harbour horn", "low foghorn and gulls over a harbour at dawn")).toBe("low foghorn and gulls over a harbour at dawn");
    // A word that only begins like the title is other text.
    expect(promptLine("Jazz", "jazzy horns in a small club")).toBe("jazzy horns in a small club");
  });

  it("has no line for an empty prompt, and shows any prompt under an empty title", () => {
    expect(promptLine("Untitled", "   ")).toBeNull();
    expect(promptLine("", "soft rain")).toBe("soft rain");
  });
});
