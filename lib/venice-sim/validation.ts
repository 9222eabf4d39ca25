// Venice's request rules for the four audio endpoints, written independently of the
// studio's own client (lib/venice/) so the two implementations cross-check each other.
//
// Order of checks, as a zod-then-business-rules server would do them:
//   1. the body's schema (object, known keys only, types, required fields): 400
//   2. the model: unknown 404; voice changer 400 (all four endpoints); offline 400 (queue)
//   3. per-model rules, all collected into one 400 whose `details` names every field
//
// Decisions where Venice's published facts are silent (also listed in README.md):
// - Lengths are JS string lengths (UTF-16 units), as zod's .min()/.max() count them.
// - `prompt` and `lyrics_prompt` are trimmed before their length limits are checked, and
//   "blank" lyrics (whitespace only) count as absent for lyrics_required, the minimax
//   minimums and the optimizer conflict.
// - /audio/quote validates `duration_seconds` like /audio/queue (options or range), and
//   refuses `character_count` for models not priced per character: stricter than needed
//   is safe for a stand-in, looser would hide client bugs.

import type { SimModel, SimModelSpec } from "./catalog";
import { invalidRequest, simpleError, REQUEST_ID_INVALID, type Issue, type SimErrorAnswer } from "./errors";
import { hasDurationMetadata, isPricedPerCharacter } from "./pricing";

export const DEFAULT_MIN_PROMPT_LENGTH = 10;
const DEFAULT_LYRICS_CHARACTER_LIMIT = 4096;
const SCHEMA_MIN_SPEED = 0.25;
const SCHEMA_MAX_SPEED = 4;

/** Per-model lyric minimums from Venice's docs, and the flags that waive them. */
const LYRICS_MINIMUMS: Readonly<Record<string, { min: number; waivedBy: ("force_instrumental" | "lyrics_optimizer")[] }>> = {
  "minimax-music-v25": { min: 10, waivedBy: ["force_instrumental", "lyrics_optimizer"] },
  "minimax-music-v26": { min: 10, waivedBy: ["force_instrumental"] },
};

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

function isUuidV4(value: string): boolean {
  return UUID_V4.test(value);
}

// ---------------------------------------------------------------------------------------
// 1. Schema

type FieldKind = "string" | "boolean" | "number" | "duration" | "positiveInteger";
type FieldRule = { kind: FieldKind; required?: boolean; minLength?: number; min?: number; max?: number };
type Schema = Record<string, FieldRule>;

const QUEUE_SCHEMA: Schema = {
  model: { kind: "string", required: true },
  prompt: { kind: "string", required: true, minLength: 1 },
  lyrics_prompt: { kind: "string" },
  duration_seconds: { kind: "duration" },
  force_instrumental: { kind: "boolean" },
  lyrics_optimizer: { kind: "boolean" },
  loop: { kind: "boolean" },
  voice: { kind: "string" },
  language_code: { kind: "string" },
  speed: { kind: "number", min: SCHEMA_MIN_SPEED, max: SCHEMA_MAX_SPEED },
};

const QUOTE_SCHEMA: Schema = {
  model: { kind: "string", required: true },
  duration_seconds: { kind: "duration" },
  character_count: { kind: "positiveInteger" },
};

const RETRIEVE_SCHEMA: Schema = {
  model: { kind: "string", required: true },
  queue_id: { kind: "string", required: true },
  delete_media_on_completion: { kind: "boolean" },
};

const COMPLETE_SCHEMA: Schema = {
  model: { kind: "string", required: true },
  queue_id: { kind: "string", required: true },
};

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

function checkSchema(body: unknown, schema: Schema): { ok: true; value: Record<string, unknown> } | { ok: false; error: SimErrorAnswer } {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return { ok: false, error: invalidRequest([{ field: null, message: `Expected object, received ${typeName(body)}` }]) };
  }
  const value = body as Record<string, unknown>;
  const issues: Issue[] = [];
  const unknown = Object.keys(value).filter((key) => !(key in schema));
  if (unknown.length > 0) {
    issues.push({ field: null, message: `Unrecognized key(s) in object: ${unknown.map((k) => `'${k}'`).join(", ")}` });
    for (const key of unknown) issues.push({ field: key, message: "Unrecognized key" });
  }
  for (const [field, rule] of Object.entries(schema)) {
    const v = value[field];
    if (v === undefined) {
      if (rule.required) issues.push({ field, message: "Required" });
      continue;
    }
    switch (rule.kind) {
      case "string":
        if (typeof v !== "string") issues.push({ field, message: `Expected string, received ${typeName(v)}` });
        else if (rule.minLength !== undefined && v.length < rule.minLength) {
          issues.push({ field, message: `String must contain at least ${rule.minLength} character(s)` });
        }
        break;
      case "boolean":
        if (typeof v !== "boolean") issues.push({ field, message: `Expected boolean, received ${typeName(v)}` });
        break;
      case "number":
        if (typeof v !== "number" || !Number.isFinite(v)) issues.push({ field, message: `Expected number, received ${typeName(v)}` });
        else if (rule.min !== undefined && v < rule.min) issues.push({ field, message: `Number must be greater than or equal to ${rule.min}` });
        else if (rule.max !== undefined && v > rule.max) issues.push({ field, message: `Number must be less than or equal to ${rule.max}` });
        break;
      case "positiveInteger":
        if (typeof v !== "number" || !Number.isInteger(v)) issues.push({ field, message: `Expected integer, received ${typeName(v)}` });
        else if (v <= 0) issues.push({ field, message: "Number must be greater than 0" });
        break;
      case "duration":
        if (typeof v === "number") {
          if (!Number.isInteger(v)) issues.push({ field, message: "Expected integer, received float" });
          else if (v <= 0) issues.push({ field, message: "Number must be greater than 0" });
        } else if (typeof v === "string") {
          if (!/^\d+$/.test(v)) issues.push({ field, message: "Invalid: must be an integer or a string of digits" });
        } else {
          issues.push({ field, message: `Expected integer or digit string, received ${typeName(v)}` });
        }
        break;
    }
  }
  if (issues.length > 0) return { ok: false, error: invalidRequest(issues) };
  return { ok: true, value };
}

// ---------------------------------------------------------------------------------------
// 2. Model lookup

export type ModelIndex = ReadonlyMap<string, SimModel>;

function lookupModel(
  models: ModelIndex,
  id: string,
  opts: { refuseOffline: boolean },
): { ok: true; model: SimModel } | { ok: false; error: SimErrorAnswer } {
  const model = models.get(id);
  if (!model) return { ok: false, error: simpleError(404, `Model not found: ${id}`) };
  if (model.model_spec.voice_changer === true) {
    return {
      ok: false,
      error: invalidRequest([{ field: "model", message: `${id} is a voice changer model and is not supported by this endpoint` }]),
    };
  }
  if (opts.refuseOffline && model.model_spec.offline === true) {
    return { ok: false, error: invalidRequest([{ field: "model", message: `${id} is currently offline` }]) };
  }
  return { ok: true, model };
}

// ---------------------------------------------------------------------------------------
// 3. Per-model rules

function unsupported(field: string, modelId: string): Issue {
  return { field, message: `${field} is not supported by model ${modelId}` };
}

function parseDuration(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  return typeof value === "string" ? Number.parseInt(value, 10) : (value as number);
}

/** Checks a parsed duration_seconds against the model's duration metadata. */
function durationIssues(model: SimModel, seconds: number | undefined): Issue[] {
  if (seconds === undefined) return [];
  const spec = model.model_spec;
  if (!hasDurationMetadata(spec)) return [unsupported("duration_seconds", model.id)];
  const options = spec.duration_options ?? [];
  if (options.length > 0) {
    return options.includes(seconds)
      ? []
      : [{ field: "duration_seconds", message: `duration_seconds must be one of ${options.join(", ")}` }];
  }
  const min = spec.min_duration ?? 1;
  const max = spec.max_duration ?? Number.POSITIVE_INFINITY;
  if (seconds < min || seconds > max) {
    const range = Number.isFinite(max) ? `between ${min} and ${max}` : `at least ${min}`;
    return [{ field: "duration_seconds", message: `duration_seconds must be ${range} seconds` }];
  }
  return [];
}

export type QuoteInput = { model: SimModel; durationSeconds?: number; characterCount?: number };

export function validateQuote(body: unknown, models: ModelIndex): { ok: true; value: QuoteInput } | { ok: false; error: SimErrorAnswer } {
  const parsed = checkSchema(body, QUOTE_SCHEMA);
  if (!parsed.ok) return parsed;
  const raw = parsed.value;
  const found = lookupModel(models, raw.model as string, { refuseOffline: false });
  if (!found.ok) return found;
  const { model } = found;
  const spec = model.model_spec;

  const durationSeconds = parseDuration(raw.duration_seconds);
  const characterCount = raw.character_count as number | undefined;
  const issues: Issue[] = [...durationIssues(model, durationSeconds)];

  if (isPricedPerCharacter(spec)) {
    if (characterCount === undefined) {
      issues.push({ field: "character_count", message: "character_count is required for models priced per thousand characters" });
    } else if (spec.prompt_character_limit !== undefined && characterCount > spec.prompt_character_limit) {
      issues.push({
        field: "character_count",
        message: `character_count must be at most ${spec.prompt_character_limit} (the model's prompt_character_limit)`,
      });
    }
  } else if (characterCount !== undefined) {
    issues.push({ field: "character_count", message: `character_count is only accepted for models priced per thousand characters` });
  }

  if (issues.length > 0) return { ok: false, error: invalidRequest(issues) };
  return { ok: true, value: { model, durationSeconds, characterCount } };
}

/** A queue request after validation and normalisation (trimmed texts, defaults applied). */
export type QueueInput = {
  model: SimModel;
  prompt: string;
  lyrics?: string;
  durationSeconds?: number;
  forceInstrumental: boolean;
  lyricsOptimizer: boolean;
  loop: boolean;
  voice?: string;
  languageCode?: string;
  speed?: number;
};

function voiceIssues(model: SimModel, voice: string): { issues: Issue[]; extra: Record<string, unknown> } {
  const spec: SimModelSpec = model.model_spec;
  const voices = spec.voices ?? [];
  if (voices.length === 0 && spec.supports_custom_voice_id !== true) {
    return { issues: [unsupported("voice", model.id)], extra: {} };
  }
  if (voices.includes(voice)) return { issues: [], extra: {} };
  if (spec.supports_custom_voice_id === true && voice.trim().length > 0) return { issues: [], extra: {} };
  return {
    issues: [{ field: "voice", message: `Voice "${voice}" is not supported by model ${model.id}` }],
    extra: { supported_voices: voices },
  };
}

export function validateQueue(body: unknown, models: ModelIndex): { ok: true; value: QueueInput } | { ok: false; error: SimErrorAnswer } {
  const parsed = checkSchema(body, QUEUE_SCHEMA);
  if (!parsed.ok) return parsed;
  const raw = parsed.value;
  const found = lookupModel(models, raw.model as string, { refuseOffline: true });
  if (!found.ok) return found;
  const { model } = found;
  const spec = model.model_spec;
  const issues: Issue[] = [];
  let extra: Record<string, unknown> = {};

  // prompt: trimmed, then min_prompt_length (default 10) and prompt_character_limit.
  const prompt = (raw.prompt as string).trim();
  const minPrompt = spec.min_prompt_length ?? DEFAULT_MIN_PROMPT_LENGTH;
  if (prompt.length < minPrompt) {
    issues.push({ field: "prompt", message: `Prompt must be at least ${minPrompt} characters long` });
  } else if (spec.prompt_character_limit !== undefined && prompt.length > spec.prompt_character_limit) {
    issues.push({ field: "prompt", message: `Prompt must be at most ${spec.prompt_character_limit} characters long` });
  }

  // Flags: any field the model does not support is refused, whatever its value.
  const forceInstrumental = raw.force_instrumental as boolean | undefined;
  const lyricsOptimizer = raw.lyrics_optimizer as boolean | undefined;
  const loop = raw.loop as boolean | undefined;
  if (forceInstrumental !== undefined && spec.supports_force_instrumental !== true) issues.push(unsupported("force_instrumental", model.id));
  if (lyricsOptimizer !== undefined && spec.supports_lyrics_optimizer !== true) issues.push(unsupported("lyrics_optimizer", model.id));
  if (loop !== undefined && spec.supports_loop !== true) issues.push(unsupported("loop", model.id));

  // language_code: no model in the catalog supports it; where one does, ISO 639-1.
  const languageCode = raw.language_code as string | undefined;
  if (languageCode !== undefined) {
    if (spec.supports_language_code !== true) issues.push(unsupported("language_code", model.id));
    else if (!/^[a-z]{2}$/i.test(languageCode)) issues.push({ field: "language_code", message: "language_code must be an ISO 639-1 code" });
  }

  // speed: only where supported, within the model's own range.
  const speed = raw.speed as number | undefined;
  if (speed !== undefined) {
    if (spec.supports_speed !== true) issues.push(unsupported("speed", model.id));
    else {
      const min = spec.min_speed ?? SCHEMA_MIN_SPEED;
      const max = spec.max_speed ?? SCHEMA_MAX_SPEED;
      if (speed < min || speed > max) issues.push({ field: "speed", message: `speed must be between ${min} and ${max}` });
    }
  }

  // voice: from the list, or any non-empty id where custom voice ids are accepted.
  let voice = raw.voice as string | undefined;
  if (voice !== undefined) {
    const checked = voiceIssues(model, voice);
    issues.push(...checked.issues);
    extra = { ...extra, ...checked.extra };
  } else {
    voice = spec.default_voice;
  }

  // duration_seconds: integer or digit string, only with duration metadata, in options/range.
  const durationSeconds = parseDuration(raw.duration_seconds);
  issues.push(...durationIssues(model, durationSeconds));

  // lyrics
  const rawLyrics = raw.lyrics_prompt as string | undefined;
  const lyrics = rawLyrics?.trim();
  const hasLyrics = (lyrics?.length ?? 0) > 0;
  if (rawLyrics !== undefined && spec.supports_lyrics !== true) {
    issues.push(unsupported("lyrics_prompt", model.id));
  } else if (spec.supports_lyrics === true) {
    const limit = spec.lyrics_character_limit ?? DEFAULT_LYRICS_CHARACTER_LIMIT;
    if (spec.lyrics_required === true && !hasLyrics) {
      issues.push({ field: "lyrics_prompt", message: `lyrics_prompt is required for model ${model.id}` });
    }
    if (lyrics !== undefined && lyrics.length > limit) {
      issues.push({ field: "lyrics_prompt", message: `lyrics_prompt must be at most ${limit} characters long` });
    }
    if (lyricsOptimizer === true && hasLyrics) {
      issues.push({ field: "lyrics_prompt", message: "lyrics_prompt must be empty when lyrics_optimizer is true" });
    }
    const minimum = LYRICS_MINIMUMS[model.id];
    if (minimum) {
      const waived =
        (minimum.waivedBy.includes("force_instrumental") && forceInstrumental === true) ||
        (minimum.waivedBy.includes("lyrics_optimizer") && lyricsOptimizer === true);
      if (!waived && (lyrics?.length ?? 0) < minimum.min) {
        const unless = minimum.waivedBy.join(" or ");
        issues.push({
          field: "lyrics_prompt",
          message: `lyrics_prompt must be at least ${minimum.min} characters unless ${unless} is set`,
        });
      }
    }
  }

  if (issues.length > 0) return { ok: false, error: invalidRequest(issues, extra) };
  return {
    ok: true,
    value: {
      model,
      prompt,
      lyrics: hasLyrics ? lyrics : undefined,
      durationSeconds,
      forceInstrumental: forceInstrumental === true,
      lyricsOptimizer: lyricsOptimizer === true,
      loop: loop === true,
      voice,
      languageCode,
      speed,
    },
  };
}

export type JobRequestInput = { model: SimModel; queueId: string; deleteMediaOnCompletion: boolean };

/** /audio/retrieve and /audio/complete: schema, model, and a well-formed UUIDv4 queue_id. */
export function validateJobRequest(
  body: unknown,
  models: ModelIndex,
  endpoint: "retrieve" | "complete",
): { ok: true; value: JobRequestInput } | { ok: false; error: SimErrorAnswer } {
  const parsed = checkSchema(body, endpoint === "retrieve" ? RETRIEVE_SCHEMA : COMPLETE_SCHEMA);
  if (!parsed.ok) return parsed;
  const raw = parsed.value;
  const found = lookupModel(models, raw.model as string, { refuseOffline: false });
  if (!found.ok) return found;
  const queueId = raw.queue_id as string;
  if (!isUuidV4(queueId)) return { ok: false, error: requestIdInvalid() };
  return {
    ok: true,
    value: { model: found.model, queueId: queueId.toLowerCase(), deleteMediaOnCompletion: raw.delete_media_on_completion === true },
  };
}

export function requestIdInvalid(): SimErrorAnswer {
  const answer = invalidRequest([{ field: "queue_id", message: REQUEST_ID_INVALID }]);
  return { ...answer, body: { ...answer.body, error: REQUEST_ID_INVALID } };
}
