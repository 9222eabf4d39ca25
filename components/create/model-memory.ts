// What the Create form remembers of each model the creator has left, so that switching model
// and back loses nothing: a value the new model cannot take is hidden, not dropped. Pure.
import type { ModelCapabilities } from "@/lib/venice/capabilities";
import { DRAFT_KEYS, modelTakes, switchModel, type Draft, type DraftKey } from "./draft";

/** The draft as the creator left it on each model, the most recently left first. */
export type ModelMemory = readonly { readonly model: string; readonly draft: Draft }[];

/** More than Venice's whole catalog, and still a small stored draft. */
export const MAX_REMEMBERED_MODELS = 16;

/**
 * The draft moved from `from` to `to`. Per value:
 * - one that `from` took and `to` takes as it is, is carried over (the creator's latest word);
 * - one that `from` did not take at all is the latest value for it on a model that did, when
 *   it fits `to` (lyrics typed on one model, hidden on a second, come back on a third);
 * - otherwise `to`'s own value from the last visit, or `to`'s default.
 * `hidden` names, in words, what `to` does not show of the draft; all of it is remembered.
 */
export function switchWithMemory(
  models: readonly ModelCapabilities[],
  to: ModelCapabilities,
  draft: Draft,
  from: ModelCapabilities,
  memory: ModelMemory,
): { draft: Draft; hidden: string[]; memory: ModelMemory } {
  const remembered = [{ model: from.id, draft }, ...memory.filter((entry) => entry.model !== from.id)].slice(0, MAX_REMEMBERED_MODELS);
  const moved = switchModel(to, draft, from);
  const next: Record<DraftKey, unknown> = { ...moved.draft };
  const own = remembered.find((entry) => entry.model === to.id)?.draft;
  for (const key of DRAFT_KEYS) {
    if (!modelTakes(to, key)) continue;
    const fromTakes = modelTakes(from, key);
    if (fromTakes && moved.draft[key] === draft[key]) continue;
    const latest = fromTakes ? undefined : latestFitting(models, to, moved.draft, key, remembered);
    if (latest) next[key] = latest.value;
    else if (own) next[key] = own[key];
  }
  return { draft: next as Draft, hidden: moved.dropped, memory: remembered };
}

/** The value of `key` on the most recently left model that takes it, if `to` takes it as it is. */
function latestFitting(models: readonly ModelCapabilities[], to: ModelCapabilities, draft: Draft, key: DraftKey, memory: ModelMemory) {
  for (const entry of memory) {
    const model = models.find((candidate) => candidate.id === entry.model);
    if (!model || !modelTakes(model, key)) continue;
    const value = entry.draft[key];
    // Moved from the model it was chosen on, so a listed voice is never taken for a custom id.
    const fits = model.id === to.id || switchModel(to, { ...draft, [key]: value }, model).draft[key] === value;
    return fits ? { value } : undefined;
  }
  return undefined;
}

/**
 * The lyrics optimizer writes the lyrics itself, so the creator's own are set aside while it is
 * on (`aside`) and put back once it is off, on a model that takes lyrics.
 */
export function settleOptimizer(model: ModelCapabilities, draft: Draft, aside: string): { draft: Draft; aside: string } {
  const optimizerOn = model.lyricsOptimizer && draft.lyricsOptimizer;
  if (optimizerOn && draft.lyrics) return { draft: { ...draft, lyrics: "" }, aside: draft.lyrics };
  if (!optimizerOn && aside && !draft.lyrics.trim() && model.lyrics.mode !== "hidden") return { draft: { ...draft, lyrics: aside }, aside: "" };
  return { draft, aside };
}
