import { describe, expect, it } from "vitest";
import { changeDraft, FRESH_FORM, newDraft, resolveForm, restoreForm, reuseRequest, selectModel, undoNewDraft, type FormState } from "@/components/create/form-state";
import { CATALOG_MODELS, catalogCapabilities } from "@/tests/support/model-catalog";

// The Create form's state as the creator moves through it: switches, the lyrics optimizer,
// "New draft", a reuse, and a draft kept from an earlier visit.

const MODELS = CATALOG_MODELS.map((model) => catalogCapabilities(model.id));
const model = (id: string) => MODELS.find((candidate) => candidate.id === id)!;
const start = (id: string) => selectModel(FRESH_FORM, MODELS, id);
const shown = (state: FormState) => resolveForm(state, MODELS);

describe("the Create form's state", () => {
  it("hides lyrics for a model without them, says so, and shows them again on the way back", () => {
    let state = changeDraft(start("ace-step-15"), MODELS, { lyrics: "La la la, the night is young" });
    state = selectModel(state, MODELS, "elevenlabs-music");
    expect(state.notice).toEqual({ kind: "hidden", items: ["lyrics"], backTo: "ACE-Step 1.5" });
    state = selectModel(state, MODELS, "ace-step-15");
    expect(shown(state).draft.lyrics).toBe("La la la, the night is young");
    expect(state.notice).toBeNull();
  });

  it("gives the lyrics back when the optimizer is turned off again", () => {
    let state = changeDraft(start("minimax-music-v25"), MODELS, { lyrics: "[Chorus] Hold on to the night" });
    state = changeDraft(state, MODELS, { lyricsOptimizer: true });
    expect(shown(state).draft.lyrics).toBe("");
    state = changeDraft(state, MODELS, { lyricsOptimizer: false });
    expect(shown(state).draft.lyrics).toBe("[Chorus] Hold on to the night");
  });

  it("starts a new draft on the same model, with one undo", () => {
    const typed = changeDraft(start("elevenlabs-music"), MODELS, { prompt: "Rain on a tin roof", instrumental: true });
    const fresh = newDraft({ ...typed, takes: 3 });
    expect(shown(fresh).model?.id).toBe("elevenlabs-music");
    expect(shown(fresh).draft.prompt).toBe("");
    expect(shown(fresh).draft.instrumental).toBe(false);
    expect(fresh.takes).toBe(1);
    expect(fresh.touched.size).toBe(0);
    const back = undoNewDraft(fresh);
    expect(shown(back).draft.prompt).toBe("Rain on a tin roof");
    expect(back.takes).toBe(3);
    expect(back.undo).toBeNull();
    // Typing in the new draft ends the chance to undo.
    expect(changeDraft(fresh, MODELS, { prompt: "S" }).undo).toBeNull();
  });

  it("restores a kept draft, its typed values shown as typed", () => {
    const state = restoreForm(FRESH_FORM, MODELS, {
      modelId: "ace-step-15",
      draft: { ...shown(start("ace-step-15")).draft, prompt: "ab" },
      takes: 2,
      memory: [],
      asideLyrics: "",
    });
    expect(shown(state).model?.id).toBe("ace-step-15");
    expect(shown(state).draft.prompt).toBe("ab");
    expect(state.takes).toBe(2);
    expect([...state.touched]).toEqual(["prompt"]);
  });

  it("fits a kept draft to the model again, or to the first model when its own is gone", () => {
    const draft = { ...shown(start("ace-step-15")).draft, prompt: "Kept prompt here", durationSeconds: 999 };
    expect(shown(restoreForm(FRESH_FORM, MODELS, { modelId: "ace-step-15", draft, takes: 1, memory: [], asideLyrics: "" })).draft.durationSeconds).toBe(60);
    const gone = restoreForm(FRESH_FORM, MODELS, { modelId: "retired-model", draft, takes: 1, memory: [], asideLyrics: "" });
    expect(shown(gone).model?.id).toBe(MODELS[0]!.id);
    expect(shown(gone).draft.prompt).toBe("Kept prompt here");
  });

  it("lets a reuse applied first win over a kept draft read later", () => {
    const reused = reuseRequest(FRESH_FORM, model("elevenlabs-music"), { prompt: "From the track page", duration_seconds: 45 });
    const state = restoreForm(reused, MODELS, { modelId: "ace-step-15", draft: { ...shown(start("ace-step-15")).draft, prompt: "Old draft" }, takes: 4, memory: [], asideLyrics: "" });
    expect(shown(state).model?.id).toBe("elevenlabs-music");
    expect(shown(state).draft).toMatchObject({ prompt: "From the track page", durationSeconds: 45 });
    expect(state.takes).toBe(1);
  });

  it("is a fresh form when nothing (valid) was kept", () => {
    const state = restoreForm(FRESH_FORM, MODELS, null);
    expect(state.settled).toBe(true);
    expect(shown(state).draft.prompt).toBe("");
    expect(state.touched.size).toBe(0);
  });
});
