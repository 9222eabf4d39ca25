// The form's values, independent of any model, and how they become a request for one model
// and come back from a stored one. One table (FIELDS) says which request field each value is.
import type { ModelCapabilities } from "@/lib/venice/capabilities";
import type { GenerationRequest } from "@/lib/venice/generation-request";

export type Draft = {
  prompt: string;
  lyrics: string;
  lyricsOptimizer: boolean;
  instrumental: boolean;
  loop: boolean;
  voice: string;
  /** "" lets the model pick the language. */
  language: string;
  speed: number | undefined;
  durationSeconds: number | undefined;
};

export const EMPTY_DRAFT: Draft = {
  prompt: "",
  lyrics: "",
  lyricsOptimizer: false,
  instrumental: false,
  loop: false,
  voice: "",
  language: "",
  speed: undefined,
  durationSeconds: undefined,
};

export type DraftKey = keyof Draft;

/**
 * The request field (Venice's /audio/queue name) each draft value is sent as, and whether a
 * model takes it. The prompt has no `takenBy`: every model takes it and it is always sent.
 */
const FIELDS: { readonly [K in DraftKey]: { field: keyof GenerationRequest; takenBy?: (model: ModelCapabilities) => boolean } } = {
  prompt: { field: "prompt" },
  lyrics: { field: "lyrics_prompt", takenBy: (model) => model.lyrics.mode !== "hidden" },
  lyricsOptimizer: { field: "lyrics_optimizer", takenBy: (model) => model.lyricsOptimizer },
  instrumental: { field: "force_instrumental", takenBy: (model) => model.instrumental },
  loop: { field: "loop", takenBy: (model) => model.loop },
  voice: { field: "voice", takenBy: (model) => model.voice !== null },
  language: { field: "language_code", takenBy: (model) => model.language },
  speed: { field: "speed", takenBy: (model) => model.speed !== null },
  durationSeconds: { field: "duration_seconds", takenBy: (model) => model.duration !== null },
};

export const DRAFT_KEYS = Object.keys(FIELDS) as DraftKey[];

/** Whether `model` takes the draft value `key` at all (the prompt: every model does). */
export function modelTakes(model: ModelCapabilities, key: DraftKey): boolean {
  const { takenBy } = FIELDS[key];
  return !takenBy || takenBy(model);
}

/**
 * The request fields this model takes, from the draft's values: a value the model cannot
 * carry, or left as in EMPTY_DRAFT, is not sent. Not trimmed: the request schema does that.
 */
export function requestOf(model: ModelCapabilities, draft: Draft): GenerationRequest {
  const request: Partial<Record<keyof GenerationRequest, unknown>> = {};
  for (const key of DRAFT_KEYS) {
    const { field, takenBy } = FIELDS[key];
    if (!takenBy || (takenBy(model) && draft[key] !== EMPTY_DRAFT[key])) request[field] = draft[key];
  }
  return request as GenerationRequest;
}

/** A stored request back in the form's terms: the inverse of `requestOf`, for "Reuse settings". */
export function draftOf(request: GenerationRequest): Draft {
  const draft: Partial<Record<DraftKey, unknown>> = {};
  for (const key of DRAFT_KEYS) draft[key] = request[FIELDS[key].field] ?? EMPTY_DRAFT[key];
  return draft as Draft;
}

/** The draft value a request field comes from (its errors show once that value is touched). */
export function draftKeyOf(field: string): DraftKey | undefined {
  return DRAFT_KEYS.find((key) => FIELDS[key].field === field);
}

/**
 * The draft moved to another model: every value that still applies is kept, the others fall
 * back to the model's defaults, and `dropped` names what was lost, in words. With `from` (the
 * model the draft was made on), a value that was only `from`'s default is not reported as
 * dropped, and a voice from `from`'s own list is never taken for a custom voice id.
 */
export function switchModel(model: ModelCapabilities, draft: Draft, from?: ModelCapabilities): { draft: Draft; dropped: string[] } {
  const dropped: string[] = [];
  const next = { ...draft };
  const report = (label: string, wasDefault: boolean) => {
    if (!wasDefault) dropped.push(label);
  };
  const drop = (label: string, apply: () => void) => {
    dropped.push(label);
    apply();
  };
  if (draft.lyrics.trim() && model.lyrics.mode === "hidden") drop("lyrics", () => (next.lyrics = ""));
  if (draft.lyricsOptimizer && !model.lyricsOptimizer) drop("lyrics optimizer", () => (next.lyricsOptimizer = false));
  if (draft.instrumental && !model.instrumental) drop("instrumental", () => (next.instrumental = false));
  if (draft.loop && !model.loop) drop("loop", () => (next.loop = false));
  if (draft.language && !model.language) drop("language", () => (next.language = ""));

  const voices = model.voice;
  const voiceWasDefault = draft.voice === from?.voice?.default;
  const customVoice = Boolean(draft.voice) && !from?.voice?.options.includes(draft.voice);
  if (!voices) {
    if (draft.voice) report(`voice ${draft.voice}`, voiceWasDefault);
    next.voice = "";
  } else if (!voices.options.includes(draft.voice) && !(voices.allowCustom && customVoice)) {
    if (draft.voice) report(`voice ${draft.voice}`, voiceWasDefault);
    next.voice = voices.default ?? "";
  }

  const speed = model.speed;
  const speedWasDefault = draft.speed === undefined || draft.speed === (from?.speed?.default ?? 1);
  if (!speed) {
    report(`speed ${draft.speed}×`, speedWasDefault);
    next.speed = undefined;
  } else if (draft.speed === undefined || draft.speed < speed.min || draft.speed > speed.max) {
    report(`speed ${draft.speed}×`, speedWasDefault);
    next.speed = speed.default;
  }

  const duration = model.duration;
  const seconds = draft.durationSeconds;
  const fits =
    seconds !== undefined &&
    duration !== null &&
    (duration.kind === "options" ? duration.options.includes(seconds) : seconds >= duration.min && seconds <= duration.max);
  if (!fits) {
    report(`duration ${seconds} s`, seconds === undefined || seconds === from?.duration?.default);
    next.durationSeconds = duration?.default;
  }
  return { draft: next, dropped };
}
