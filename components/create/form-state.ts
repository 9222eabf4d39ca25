// The Create form's state and every way it changes, as pure functions of the models on offer:
// the hook (use-create-form.ts) holds it, this file decides it.
import type { ModelCapabilities } from "@/lib/venice/capabilities";
import type { GenerationRequest } from "@/lib/venice/generation-request";
import { DRAFT_KEYS, draftOf, EMPTY_DRAFT, switchModel, type Draft, type DraftKey } from "./draft";
import { settleOptimizer, switchWithMemory, type ModelMemory } from "./model-memory";

/** What the notice under the model picker says: kept for a switch back, or lost for good. */
export type FormNotice = { kind: "hidden"; items: string[]; backTo: string } | { kind: "dropped"; items: string[] };

/** The part of the state this browser keeps between visits (stored-form.ts). */
export type SavedForm = {
  /** Until the creator picks one, the first model. */
  modelId: string | null;
  /** Until the creator edits anything, the model's defaults. */
  draft: Draft | null;
  takes: number;
  memory: ModelMemory;
  /** The creator's own lyrics while the lyrics optimizer writes them. */
  asideLyrics: string;
};

export type FormState = SavedForm & {
  notice: FormNotice | null;
  /** The values whose broken rules show: the ones typed, or all once a submit was tried. */
  touched: ReadonlySet<DraftKey>;
  /** The creator's (typed, reused or restored), so a stored draft read late does not replace it. */
  settled: boolean;
  /** What "New draft" replaced, for its undo; this page only. */
  undo: FormState | null;
};

export const FRESH_FORM: FormState = {
  modelId: null,
  draft: null,
  takes: 1,
  memory: [],
  asideLyrics: "",
  notice: null,
  touched: new Set(),
  settled: false,
  undo: null,
};

/** The model the form is on and its draft, as shown. */
export function resolveForm(state: SavedForm, models: readonly ModelCapabilities[]) {
  const model = models.find((candidate) => candidate.id === state.modelId) ?? models[0];
  const draft = state.draft ?? (model ? switchModel(model, EMPTY_DRAFT).draft : EMPTY_DRAFT);
  return { model, draft };
}

export function selectModel(state: FormState, models: readonly ModelCapabilities[], id: string): FormState {
  const { model, draft } = resolveForm(state, models);
  const to = models.find((candidate) => candidate.id === id);
  if (!to || !model || to.id === model.id) return state;
  const moved = switchWithMemory(models, to, draft, model, state.memory);
  const settled = settleOptimizer(to, moved.draft, state.asideLyrics);
  return {
    ...state,
    modelId: to.id,
    draft: settled.draft,
    asideLyrics: settled.aside,
    memory: moved.memory,
    notice: moved.hidden.length > 0 ? { kind: "hidden", items: moved.hidden, backTo: model.name } : null,
    settled: true,
    undo: null,
  };
}

export function changeDraft(state: FormState, models: readonly ModelCapabilities[], patch: Partial<Draft>): FormState {
  const { model, draft } = resolveForm(state, models);
  if (!model) return state;
  const settled = settleOptimizer(model, { ...draft, ...patch }, state.asideLyrics);
  const touched = new Set([...state.touched, ...(Object.keys(patch) as DraftKey[])]);
  return { ...state, draft: settled.draft, asideLyrics: settled.aside, touched, settled: true, undo: null };
}

export function setTakes(state: FormState, takes: number): FormState {
  return { ...state, takes, settled: true, undo: null };
}

/**
 * A stored request ("Reuse settings") put in the form, on `target`: what that model does not
 * take is dropped, and shown as if typed, so a rule the old settings break is explained at once.
 */
export function reuseRequest(state: FormState, target: ModelCapabilities, request: GenerationRequest): FormState {
  const moved = switchModel(target, draftOf(request));
  const settled = settleOptimizer(target, moved.draft, "");
  return {
    ...state,
    modelId: target.id,
    draft: settled.draft,
    asideLyrics: settled.aside,
    notice: moved.dropped.length > 0 ? { kind: "dropped", items: moved.dropped } : null,
    touched: new Set(DRAFT_KEYS),
    settled: true,
    undo: null,
  };
}

/** A clean form on the same model; the old one can be had back once. */
export function newDraft(state: FormState): FormState {
  return { ...FRESH_FORM, modelId: state.modelId, settled: true, undo: { ...state, undo: null } };
}

export function undoNewDraft(state: FormState): FormState {
  return state.undo ? { ...state.undo, notice: null } : state;
}

/**
 * The draft this browser kept (null when none, or when it did not pass its schema), unless the
 * creator already has one on this page. Its non-default values count as typed.
 */
export function restoreForm(state: FormState, models: readonly ModelCapabilities[], saved: SavedForm | null): FormState {
  if (state.settled || !saved) return { ...state, settled: true };
  const stored = models.find((candidate) => candidate.id === saved.modelId);
  const model = stored ?? models[0];
  if (!model || !saved.draft) return { ...FRESH_FORM, modelId: model?.id ?? null, takes: saved.takes, memory: saved.memory, settled: true };
  // Fitted to the model again: the catalog may have changed since.
  const draft = switchModel(model, saved.draft, stored).draft;
  const defaults = switchModel(model, EMPTY_DRAFT).draft;
  return {
    ...FRESH_FORM,
    modelId: model.id,
    draft,
    takes: saved.takes,
    memory: saved.memory,
    asideLyrics: saved.asideLyrics,
    touched: new Set(DRAFT_KEYS.filter((key) => draft[key] !== defaults[key])),
    settled: true,
  };
}
