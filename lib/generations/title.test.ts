import { describe, expect, it } from "vitest";
import { titleFromPrompt } from "./title";

const single = { index: 0, count: 1 };

describe("titleFromPrompt", () => {
  it("uses a short prompt as it is, whitespace tidied", () => {
    expect(titleFromPrompt("Lo-fi   beat\nwith rain", single)).toBe("Lo-fi beat with rain");
  });

  it("cuts a long prompt at a word boundary", () => {
    const title = titleFromPrompt(
      "A slow cinematic piano piece that builds into strings, with soft rain in the background and distant thunder",
      single,
    );
    expect(title).toBe("A slow cinematic piano piece that builds into strings, with…");
    expect(title.length).toBeLessThanOrEqual(61);
  });

  it("numbers the takes of a batch", () => {
    expect(titleFromPrompt("Lo-fi beat", { index: 2, count: 4 })).toBe("Lo-fi beat (take 3)");
  });
});
