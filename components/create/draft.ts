// The form's values, independent of any model, and how they become a request for one model.
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

/** The request fields this model takes, from the draft's values (nothing it cannot carry). */
export function requestOf(model: ModelCapabilities, draft: Draft): GenerationRequest {
  const request: GenerationRequest = { prompt: draft.prompt };
  if (model.lyrics.mode !== "hidden" && draft.lyrics.trim()) request.lyrics_prompt = draft.lyrics;
  if (model.lyricsOptimizer && draft.lyricsOptimizer) request.lyrics_optimizer = true;
  if (model.instrumental && draft.instrumental) request.force_instrumental = true;
  if (model.loop && draft.loop) request.loop = true;
  if (model.voice && draft.voice) request.voice = draft.voice;
  if (model.language && draft.language) request.language_code = draft.language;
  if (model.speed && draft.speed !== undefined) request.speed = draft.speed;
  if (model.duration && draft.durationSeconds !== undefined) request.duration_seconds = draft.durationSeconds;
  return request;
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

/** A stored request back in the form's terms: the inverse of `requestOf`, for "Reuse settings". */
export function draftOf(request: GenerationRequest): Draft {
  return {
    prompt: request.prompt,
    lyrics: request.lyrics_prompt ?? "",
    lyricsOptimizer: request.lyrics_optimizer ?? false,
    instrumental: request.force_instrumental ?? false,
    loop: request.loop ?? false,
    voice: request.voice ?? "",
    language: request.language_code ?? "",
    speed: request.speed,
    durationSeconds: request.duration_seconds,
  };
}
