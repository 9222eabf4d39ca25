import { useEffect, useMemo, useState } from "react";
import { readStored, useStored, writeStored } from "@/components/jobs/browser-store";
import type { ModelCapabilities } from "@/lib/venice/capabilities";
import type { GenerationRequest } from "@/lib/venice/generation-request";
import { DRAFT_KEYS, type Draft } from "./draft";
import { changeDraft, FRESH_FORM, newDraft, resolveForm, restoreForm, reuseRequest, selectModel, setTakes, undoNewDraft, type FormState } from "./form-state";
import { withPrompt } from "./prompt-history";

type StoredFormModule = typeof import("./stored-form");

// This browser's memory of the form, per member (stored-form.ts says what is kept).
const draftKey = (memberId: string) => `venice-studio:create-draft:${memberId}`;
const historyKey = (memberId: string) => `venice-studio:prompt-history:${memberId}`;
const NO_MODELS: readonly ModelCapabilities[] = [];

/**
 * stored-form.ts, loaded after the page; `loaded` turns true when it is there or could not be
 * had (offline after a deploy: the form then works without its memory).
 */
function useStoredFormModule() {
  const [state, setState] = useState<{ loaded: boolean; module: StoredFormModule | null }>({ loaded: false, module: null });
  useEffect(() => {
    let mounted = true;
    const load = () =>
      import("./stored-form").then(
        (module) => mounted && setState({ loaded: true, module }),
        () => mounted && setState({ loaded: true, module: null }),
      );
    // After the page's load event: its zod chunk stays off the first load (e2e/smoke.spec.ts).
    if (document.readyState === "complete") void load();
    else window.addEventListener("load", load, { once: true });
    return () => {
      mounted = false;
      window.removeEventListener("load", load);
    };
  }, []);
  return state;
}

/**
 * The Create form's state: the chosen model, the draft, the takes, what a switch hid, and the
 * recent prompts. `models` come in the picker's order; the first is chosen until the creator
 * picks another. The draft is kept in this browser for `memberId` and comes back on the next
 * visit; a reuse from a track page (`reuse`) replaces it.
 */
export function useCreateForm(models: readonly ModelCapabilities[] | undefined, memberId: string) {
  const all = models ?? NO_MODELS;
  const storage = useStoredFormModule();
  const [state, setState] = useState<FormState>(FRESH_FORM);
  const [restored, setRestored] = useState(false);
  const { model, draft } = useMemo(() => resolveForm(state, all), [state, all]);

  // The kept draft is read once both the models and its schema are here, while rendering (the
  // form's state is this component's own); a reuse applied before then wins over it.
  if (!restored && storage.loaded && models) {
    setRestored(true);
    const saved = storage.module?.parseStoredForm(readStored(draftKey(memberId))) ?? null;
    setState((current) => restoreForm(current, models, saved));
  }

  const stored = storage.module;
  useEffect(() => {
    if (!restored || !stored || !model) return;
    writeStored(draftKey(memberId), stored.storeForm({ ...state, modelId: model.id, draft }, all));
  }, [restored, stored, state, model, draft, all, memberId]);

  const historyText = useStored(historyKey(memberId));
  const history = useMemo(() => stored?.parseHistory(historyText) ?? [], [stored, historyText]);

  return {
    /** The kept draft has been read (or there is none): the form can show. */
    ready: restored,
    model,
    draft,
    takes: state.takes,
    notice: state.notice,
    touched: state.touched,
    canUndo: state.undo !== null,
    history,
    setTakes: (takes: number) => setState((current) => setTakes(current, takes)),
    selectModel: (id: string) => setState((current) => selectModel(current, all, id)),
    change: (patch: Partial<Draft>) => setState((current) => changeDraft(current, all, patch)),
    /** A submit was tried: every broken rule shows. */
    touchAll: () => setState((current) => ({ ...current, touched: new Set(DRAFT_KEYS) })),
    newDraft: () => setState(newDraft),
    undoNewDraft: () => setState(undoNewDraft),
    /**
     * A stored request ("Reuse settings") put in the form, on the model that made it, or on the
     * chosen model when the studio no longer offers that one; what does not fit is dropped.
     * Answers the model it landed on, and whether that is the one asked for.
     */
    reuse(modelId: string, request: GenerationRequest) {
      const target = all.find((candidate) => candidate.id === modelId) ?? model;
      if (!target) return undefined;
      setState((current) => reuseRequest(current, target, request));
      return { model: target, sameModel: target.id === modelId };
    },
    /** A suggested prompt from Venice, or a recent one, put in the form for another try. */
    applyPrompt: (prompt: string) => setState((current) => changeDraft(current, all, { prompt })),
    /** A prompt Venice accepted, for the recent prompts. */
    rememberPrompt(prompt: string) {
      if (!stored) return;
      const key = historyKey(memberId);
      writeStored(key, stored.storeHistory(withPrompt(stored.parseHistory(readStored(key)), prompt)));
    },
  };
}

export type CreateForm = ReturnType<typeof useCreateForm>;
