import { useState } from "react";
import type { ModelCapabilities } from "@/lib/venice/capabilities";
import type { GenerationRequest } from "@/lib/venice/generation-request";
import { draftOf, EMPTY_DRAFT, switchModel, type Draft } from "./draft";

/**
 * The Create form's state: the chosen model, the draft, the takes and what a switch dropped.
 * `models` come in the picker's order; the first is chosen until the creator picks another.
 */
export function useCreateForm(models: readonly ModelCapabilities[] | undefined) {
  const all = models ?? [];
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [edited, setEdited] = useState<Draft | null>(null);
  const [takes, setTakes] = useState(1);
  const [dropped, setDropped] = useState<string[]>([]);
  const [touched, setTouched] = useState<ReadonlySet<keyof Draft>>(new Set());

  const model = all.find((candidate) => candidate.id === chosenId) ?? all[0];
  // Until the creator edits anything, the draft is the model's defaults.
  const draft = edited ?? (model ? switchModel(model, EMPTY_DRAFT).draft : EMPTY_DRAFT);

  return {
    model,
    draft,
    takes,
    dropped,
    touched,
    setTakes,
    selectModel(id: string) {
      const next = all.find((candidate) => candidate.id === id);
      if (!next) return;
      const moved = switchModel(next, draft, model);
      setChosenId(id);
      setEdited(moved.draft);
      setDropped(moved.dropped);
    },
    change(patch: Partial<Draft>) {
      setEdited({ ...draft, ...patch });
      setTouched(new Set([...touched, ...(Object.keys(patch) as (keyof Draft)[])]));
    },
    /**
     * A stored request ("Reuse settings") put in the form, on the model that made it, or on the
     * chosen model when the studio no longer offers that one; what does not fit is dropped.
     * Answers the model it landed on, and whether that is the one asked for.
     */
    reuse(modelId: string, request: GenerationRequest) {
      const target = all.find((candidate) => candidate.id === modelId) ?? model;
      if (!target) return undefined;
      const moved = switchModel(target, draftOf(request));
      setChosenId(target.id);
      setEdited(moved.draft);
      setDropped(moved.dropped);
      // Shown as if typed, so a rule the old settings break is explained at once.
      setTouched(new Set(Object.keys(moved.draft) as (keyof Draft)[]));
      return { model: target, sameModel: target.id === modelId };
    },
    /** A suggested prompt from Venice, put in the form for another try. */
    applyPrompt(prompt: string) {
      setEdited({ ...draft, prompt });
      setTouched(new Set([...touched, "prompt"]));
    },
  };
}

export type CreateForm = ReturnType<typeof useCreateForm>;
