import { describe, expect, it } from "vitest";
import { EMPTY_DRAFT, switchModel } from "@/components/create/draft";
import { MAX_RECENT_PROMPTS, withPrompt } from "@/components/create/prompt-history";
import { parseHistory, parseStoredForm, storeForm, storeHistory } from "@/components/create/stored-form";
import { CATALOG_MODELS, catalogCapabilities } from "@/tests/support/model-catalog";

// What this browser keeps of the Create form is read back through its schema: anything else in
// localStorage (an old format, a hand edit, a huge value) is ignored, never trusted.

const MODELS = CATALOG_MODELS.map((model) => catalogCapabilities(model.id));
const ace = catalogCapabilities("ace-step-15");
const draft = { ...switchModel(ace, EMPTY_DRAFT).draft, prompt: "Warm lo-fi beat", lyrics: "La la" };
const form = { modelId: ace.id, draft, takes: 2, memory: [{ model: "elevenlabs-music", draft: { ...draft, instrumental: true } }], asideLyrics: "Set aside" };

describe("the kept Create form", () => {
  it("round-trips through its stored text", () => {
    const text = storeForm(form, MODELS);
    expect(JSON.parse(text)).toMatchObject({ version: 1, model: "ace-step-15", takes: 2 });
    expect(parseStoredForm(text)).toEqual(form);
  });

  it("cuts the prompt and lyrics at the model's own limits", () => {
    const long = { ...form, draft: { ...draft, prompt: "p".repeat(5000), lyrics: "l".repeat(9000) } };
    const parsed = parseStoredForm(storeForm(long, MODELS))!;
    expect(parsed.draft?.prompt).toHaveLength(ace.prompt.max!);
    expect(parsed.draft?.lyrics).toHaveLength(ace.lyrics.max);
  });

  it.each([
    ["nothing", null],
    ["not JSON", "{oops"],
    ["another version", JSON.stringify({ ...JSON.parse(storeForm(form, MODELS)), version: 2 })],
    ["a prompt that is not text", JSON.stringify({ ...JSON.parse(storeForm(form, MODELS)), draft: { ...draft, prompt: 42 } })],
    ["too many takes", JSON.stringify({ ...JSON.parse(storeForm(form, MODELS)), takes: 50 })],
    ["an oversized prompt", JSON.stringify({ ...JSON.parse(storeForm(form, MODELS)), draft: { ...draft, prompt: "x".repeat(10_001) } })],
    ["a language that is not a code", JSON.stringify({ ...JSON.parse(storeForm(form, MODELS)), draft: { ...draft, language: "<script>" } })],
    ["too many remembered models", JSON.stringify({ ...JSON.parse(storeForm(form, MODELS)), memory: Array.from({ length: 17 }, () => form.memory[0]) })],
  ])("ignores %s", (_label, text) => {
    expect(parseStoredForm(text)).toBeNull();
  });

  it("drops unknown fields instead of carrying them", () => {
    const parsed = parseStoredForm(storeForm(form, MODELS).replace(/^\{/, '{"__proto__":{"polluted":true},"extra":"x",'));
    expect(parsed).toEqual(form);
    expect(Object.keys(parsed!)).not.toContain("extra");
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });
});

describe("recent prompts", () => {
  it("keeps the last distinct ones, newest first, trimmed", () => {
    let history: string[] = [];
    for (const prompt of ["One prompt", "Two prompt", "  One prompt  ", "", "   "]) history = withPrompt(history, prompt);
    expect(history).toEqual(["One prompt", "Two prompt"]);
    for (let index = 0; index < 15; index += 1) history = withPrompt(history, `Prompt ${index}`);
    expect(history).toHaveLength(MAX_RECENT_PROMPTS);
    expect(history[0]).toBe("Prompt 14");
  });

  it("round-trips, and ignores what is not a short list of prompts", () => {
    expect(parseHistory(storeHistory(["A", "B"]))).toEqual(["A", "B"]);
    expect(parseHistory(null)).toEqual([]);
    expect(parseHistory('{"a":1}')).toEqual([]);
    expect(parseHistory(JSON.stringify(["ok", 3]))).toEqual([]);
    expect(parseHistory(JSON.stringify(Array.from({ length: 11 }, (_, index) => `p${index}`)))).toEqual([]);
  });
});
