// The studio's draft of a generation, validated against one model's capabilities before
// anything reaches Venice: Venice answers every rule broken here with a 400, and a burst of
// 400s locks the whole team's key out for 30 s. Field names match Venice's /audio/queue body.
// Pure (no server-only imports) so the browser form can run the same checks.
// zod/mini: the same rules as classic zod at a fraction of the browser bundle (this file is
// the create form's validator too).
import { z } from "zod/mini";
import { isUsable, type ModelCapabilities } from "./capabilities";
import { storableText } from "@/lib/stored-text";
import { promptCharacterCount } from "./pricing";
import type { QueueAudioRequest, QuoteAudioRequest } from "./schemas";

export type GenerationRequest = {
  prompt: string;
  lyrics_prompt?: string | undefined;
  duration_seconds?: number | undefined;
  force_instrumental?: boolean | undefined;
  lyrics_optimizer?: boolean | undefined;
  loop?: boolean | undefined;
  voice?: string | undefined;
  language_code?: string | undefined;
  speed?: number | undefined;
};

/**
 * A schema for drafts of `model`. Parsing trims the prompt, lyrics and voice, drops empty
 * lyrics, and reports each broken rule on the field it concerns (issue path = field name).
 */
export function buildGenerationRequestSchema(model: ModelCapabilities): z.ZodMiniType<GenerationRequest> {
  const unsupported = (label: string) => z.optional(z.never({ error: `${label} is not available for ${model.name}.` }));
  const offOrOn = (label: string) => z.optional(z.boolean({ error: `${label} must be on or off.` }));

  return z
    .strictObject({
      prompt: promptSchema(model),
      lyrics_prompt: model.lyrics.mode === "hidden" ? unsupported("Lyrics") : lyricsSchema(model.lyrics.max),
      duration_seconds: model.duration ? durationSchema(model.duration) : unsupported("Choosing a duration"),
      force_instrumental: model.instrumental ? offOrOn("Instrumental") : unsupported("Instrumental mode"),
      lyrics_optimizer: model.lyricsOptimizer ? offOrOn("Lyrics optimizer") : unsupported("The lyrics optimizer"),
      loop: model.loop ? offOrOn("Loop") : unsupported("Looping"),
      voice: model.voice ? voiceSchema(model.voice) : unsupported("Choosing a voice"),
      language_code: model.language ? languageSchema() : unsupported("Choosing a language"),
      speed: model.speed ? speedSchema(model.speed) : unsupported("Changing the speed"),
    })
    .check(
      z.superRefine((request, ctx) => {
        if (!isUsable(model)) {
          ctx.addIssue({
            code: "custom",
            path: ["model"],
            message: model.offline
              ? `${model.name} is offline right now. Choose another model.`
              : `${model.name} cannot be used from the studio. Choose another model.`,
          });
        }
        const lyricsIssue = lyricsRuleViolation(model, request);
        if (lyricsIssue) ctx.addIssue({ code: "custom", path: ["lyrics_prompt"], message: lyricsIssue });
      }),
    );
}

// The studio's own ceilings where a model publishes none: the prompt is stored with every
// take and searched in the library; a custom voice is an ElevenLabs voice id (20 characters).
const MAX_UNPUBLISHED_PROMPT_CHARS = 10_000;
const MAX_VOICE_CHARS = 100;

function promptSchema(model: ModelCapabilities) {
  const { min, max } = model.prompt;
  const tooShort = min === 1 ? "Describe the audio you want in the prompt." : `The prompt needs at least ${min} characters.`;
  return z
    .string({ error: "Describe the audio you want in the prompt." })
    .check(
      z.trim(),
      z.minLength(min, tooShort),
      ...storableText("The prompt", max ?? MAX_UNPUBLISHED_PROMPT_CHARS),
    );
}

function lyricsSchema(max: number) {
  const lyrics = z.string({ error: "Lyrics must be text." }).check(z.trim(), ...storableText("Lyrics", max));
  return z.optional(z.pipe(lyrics, z.transform((text) => text || undefined)));
}

function durationSchema(duration: NonNullable<ModelCapabilities["duration"]>) {
  const seconds = z
    .number({ error: "Duration must be a number of seconds." })
    .check(z.refine(Number.isInteger, "Duration must be a whole number of seconds."));
  if (duration.kind === "options") {
    const choices = duration.options.join(", ");
    return z.optional(seconds.check(z.refine((value) => duration.options.includes(value), `Choose a duration of ${choices} seconds.`)));
  }
  const between = `Duration must be between ${duration.min} and ${duration.max} seconds.`;
  return z.optional(seconds.check(z.gte(duration.min, between), z.lte(duration.max, between)));
}

function voiceSchema(voice: NonNullable<ModelCapabilities["voice"]>) {
  return z.optional(
    z
      .string({ error: "Choose a voice." })
      .check(
        z.trim(),
        z.minLength(1, "Choose a voice."),
        ...storableText("The voice", MAX_VOICE_CHARS),
        z.refine((value) => voice.allowCustom || voice.options.includes(value), "Choose one of the voices this model offers."),
      ),
  );
}

// ISO 639-1: two letters. Upper case is accepted and sent in lower case.
function languageSchema() {
  return z.optional(
    z
      .string({ error: "Choose a language." })
      .check(z.trim(), z.toLowerCase(), z.regex(/^[a-z]{2}$/, "Use a two-letter language code such as en or fr.")),
  );
}

function speedSchema(speed: NonNullable<ModelCapabilities["speed"]>) {
  const between = `Speed must be between ${speed.min}× and ${speed.max}×.`;
  return z.optional(z.number({ error: between }).check(z.gte(speed.min, between), z.lte(speed.max, between)));
}

/** The one broken lyrics rule that needs other fields to judge, or undefined. */
function lyricsRuleViolation(model: ModelCapabilities, request: GenerationRequest): string | undefined {
  const lyrics = request.lyrics_prompt ?? "";
  // Venice: lyrics_optimizer true with a non-empty lyrics_prompt is a 400.
  if (request.lyrics_optimizer === true && lyrics) {
    return "The lyrics optimizer writes the lyrics itself: clear the lyrics or turn the optimizer off.";
  }
  // Not documented by Venice either way; an instrumental has no words, so refuse rather than
  // risk a 400 or a silently ignored field.
  if (request.force_instrumental === true && lyrics) {
    return "An instrumental track has no lyrics: clear the lyrics or turn instrumental off.";
  }
  const { mode, min, waivedBy } = model.lyrics;
  if (mode !== "required" || waivedBy.some((flag) => request[flag] === true)) return undefined;
  const alternatives = waivedBy.map((flag) => WAIVER_LABELS[flag]).join(" or ");
  if (!lyrics) {
    return `${model.name} needs lyrics${alternatives ? ` (or turn on ${alternatives})` : ""}.`;
  }
  if (min !== undefined && lyrics.length < min) {
    return `Lyrics need at least ${min} characters${alternatives ? ` (or turn on ${alternatives})` : ""}.`;
  }
  return undefined;
}

const WAIVER_LABELS = { force_instrumental: "instrumental", lyrics_optimizer: "the lyrics optimizer" } as const;

/** The exact /audio/queue body for a validated request (prompt already trimmed), absent fields left out. */
export function toQueueBody(modelId: string, request: GenerationRequest): QueueAudioRequest {
  const body: QueueAudioRequest = { model: modelId, prompt: request.prompt };
  if (request.lyrics_prompt) body.lyrics_prompt = request.lyrics_prompt;
  if (request.duration_seconds !== undefined) body.duration_seconds = request.duration_seconds;
  if (request.force_instrumental !== undefined) body.force_instrumental = request.force_instrumental;
  if (request.lyrics_optimizer !== undefined) body.lyrics_optimizer = request.lyrics_optimizer;
  if (request.loop !== undefined) body.loop = request.loop;
  if (request.voice !== undefined) body.voice = request.voice;
  if (request.language_code !== undefined) body.language_code = request.language_code;
  if (request.speed !== undefined) body.speed = request.speed;
  return body;
}

/**
 * The /audio/quote body for a validated request. Venice accepts duration_seconds only from
 * models that publish a settable duration (without it, it prices default_duration) and
 * requires character_count from models billed per thousand characters.
 */
export function toQuoteBody(model: ModelCapabilities, request: GenerationRequest): QuoteAudioRequest {
  const body: QuoteAudioRequest = { model: model.id };
  if (model.duration && request.duration_seconds !== undefined) body.duration_seconds = request.duration_seconds;
  if ("per_thousand_characters" in model.pricing) body.character_count = promptCharacterCount(request);
  return body;
}
