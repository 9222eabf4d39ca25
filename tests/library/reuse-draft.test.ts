import { describe, expect, it } from "vitest";
import { draftOf, EMPTY_DRAFT, requestOf, switchModel } from "@/components/create/draft";
import { buildGenerationRequestSchema } from "@/lib/venice/generation-request";
import { CATALOG_MODELS, catalogCapabilities } from "@/tests/support/model-catalog";

// "Reuse settings" turns a stored request back into the Create form's draft: put back on the
// model that made it, it must give the very same request again.

describe("draftOf", () => {
  it("reads every request field back into the draft", () => {
    expect(
      draftOf({
        prompt: "Rain on a tin roof",
        lyrics_prompt: "La la",
        lyrics_optimizer: true,
        force_instrumental: true,
        loop: true,
        voice: "Aria",
        language_code: "fr",
        speed: 1.25,
        duration_seconds: 45,
      }),
    ).toEqual({
      prompt: "Rain on a tin roof",
      lyrics: "La la",
      lyricsOptimizer: true,
      instrumental: true,
      loop: true,
      voice: "Aria",
      language: "fr",
      speed: 1.25,
      durationSeconds: 45,
    });
    expect(draftOf({ prompt: "Just a prompt" })).toEqual({ ...EMPTY_DRAFT, prompt: "Just a prompt" });
  });

  it.each(CATALOG_MODELS.map((model) => model.id))("round-trips a valid %s request through the form unchanged", (id) => {
    const model = catalogCapabilities(id);
    // The form's own defaults for the model, with every optional value it takes set to a non-default.
    const base = switchModel(model, { ...EMPTY_DRAFT, prompt: "A slow, warm piano ballad about the sea" }).draft;
    const duration = model.duration;
    const draft = {
      ...base,
      lyrics: model.lyrics.mode === "hidden" ? "" : "Waves roll in, waves roll out",
      instrumental: model.instrumental && model.lyrics.mode !== "required",
      loop: model.loop,
      language: model.language ? "de" : "",
      voice: model.voice?.options.at(-1) ?? "",
      speed: model.speed ? model.speed.max : undefined,
      durationSeconds: duration ? (duration.kind === "options" ? duration.options.at(-1) : duration.max) : undefined,
    };
    const request = requestOf(model, draft);
    expect(buildGenerationRequestSchema(model).safeParse(request).success, JSON.stringify(request)).toBe(true);

    const reused = switchModel(model, draftOf(request));
    expect(reused.dropped).toEqual([]);
    expect(requestOf(model, reused.draft)).toEqual(request);
  });
});
