// One normalized description of what a Venice audio model accepts, derived from its
// `/models` entry. Server-side validation and the browser form both read it, so this file
// stays pure (no server-only imports, no I/O).
//
// Everything is generic from the published flags (absent flag = unsupported / no limit),
// except the few per-model rules in MODEL_RULES, which Venice documents but does not publish
// as flags.
import type { MusicModel, MusicPricing } from "./schemas";

export type ModelKind = "music" | "sound-effect" | "speech";

/** Request flags that can stand in for lyrics on models whose lyrics are otherwise required. */
export type LyricsWaiver = "force_instrumental" | "lyrics_optimizer";

export type LyricsCapability = {
  /** hidden: the model takes no lyrics_prompt at all. */
  mode: "hidden" | "optional" | "required";
  max: number;
  /** Minimum length after trimming when lyrics are required; 1 means "not blank". */
  min: number | undefined;
  /** When one of these flags is true, required lyrics are not needed (nor allowed). */
  waivedBy: readonly LyricsWaiver[];
};

export type DurationCapability =
  | { kind: "options"; options: number[]; default: number }
  | { kind: "range"; min: number; max: number; default: number };

export type ModelCapabilities = {
  id: string;
  name: string;
  /** Venice's one-line description, when the catalog publishes one. */
  description: string | undefined;
  kind: ModelKind;
  prompt: { min: number; max: number | undefined };
  lyrics: LyricsCapability;
  lyricsOptimizer: boolean;
  instrumental: boolean;
  loop: boolean;
  language: boolean;
  speed: { min: number; max: number; default: number } | null;
  voice: { options: string[]; default: string | undefined; allowCustom: boolean } | null;
  /** Null when the request cannot carry `duration_seconds`. */
  duration: DurationCapability | null;
  /** The length Venice prices when the request sets none (for Seed Audio: its reserved cap). */
  defaultDurationSeconds: number | undefined;
  formats: string[];
  defaultFormat: string | undefined;
  pricing: MusicPricing;
  offline: boolean;
  voiceChanger: boolean;
};

// Defaults Venice applies when a model does not publish the limit (README, "More facts").
const DEFAULT_MIN_PROMPT_LENGTH = 10;
const DEFAULT_LYRICS_CHARACTER_LIMIT = 4096;
// Bounds of `speed` in the QueueAudioRequest schema, whatever a model publishes.
const SPEED_BOUNDS = { min: 0.25, max: 4, default: 1 };

type ModelRule = {
  lyrics?: { min: number; waivedBy: readonly LyricsWaiver[] };
  /** The model takes no duration_seconds and reserves this many seconds at queue time. */
  reservedDurationSeconds?: number;
};

// Per-model rules documented by Venice (../shared/venice/README.md, "Model facts").
const MODEL_RULES: Readonly<Record<string, ModelRule>> = {
  // "minimax-music-v2 needs a non-blank lyrics_prompt"
  "minimax-music-v2": { lyrics: { min: 1, waivedBy: [] } },
  // "minimax-music-v25 needs lyrics of at least 10 characters unless force_instrumental or
  // lyrics_optimizer is set"
  "minimax-music-v25": { lyrics: { min: 10, waivedBy: ["force_instrumental", "lyrics_optimizer"] } },
  // "minimax-music-v26 the same unless force_instrumental is set"
  "minimax-music-v26": { lyrics: { min: 10, waivedBy: ["force_instrumental"] } },
  // "seed-audio-1-0 takes no duration_seconds (it reserves 120 s)"
  "seed-audio-1-0": { reservedDurationSeconds: 120 },
};

/**
 * The seconds a model that takes no duration is charged for when Venice accepts it (Seed
 * Audio's 120 s), before Venice settles on the track's real length; undefined for the rest.
 */
export function reservedDurationSeconds(modelId: string): number | undefined {
  return MODEL_RULES[modelId]?.reservedDurationSeconds;
}

export function capabilities(model: MusicModel): ModelCapabilities {
  const spec = model.model_spec;
  const rule = MODEL_RULES[model.id] ?? {};
  const name = spec.name ?? model.id;
  const speedSupported = spec.supports_speed === true;
  const voices = spec.voices ?? [];
  const formats = spec.supported_formats ?? (spec.default_format ? [spec.default_format] : []);
  const duration = rule.reservedDurationSeconds === undefined ? settableDuration(model) : null;

  return {
    id: model.id,
    name,
    description: spec.description,
    kind: modelKind(model.id, name, spec.pricing),
    prompt: {
      min: Math.max(1, spec.min_prompt_length ?? DEFAULT_MIN_PROMPT_LENGTH),
      max: spec.prompt_character_limit,
    },
    lyrics: lyricsCapability(model, rule),
    lyricsOptimizer: spec.supports_lyrics_optimizer === true,
    instrumental: spec.supports_force_instrumental === true,
    loop: spec.supports_loop === true,
    language: spec.supports_language_code === true,
    speed: speedSupported ? speedRange(spec.min_speed, spec.max_speed, spec.default_speed) : null,
    voice:
      voices.length > 0 || spec.supports_custom_voice_id === true
        ? {
            options: voices,
            default: spec.default_voice ?? voices[0],
            allowCustom: spec.supports_custom_voice_id === true,
          }
        : null,
    duration,
    defaultDurationSeconds: rule.reservedDurationSeconds ?? spec.default_duration ?? duration?.default,
    formats,
    defaultFormat: spec.default_format ?? formats[0],
    pricing: spec.pricing,
    offline: spec.offline === true,
    voiceChanger: spec.voice_changer === true,
  };
}

/** Whether the studio can send any request for this model (Venice refuses the others). */
export function isUsable(model: ModelCapabilities): boolean {
  return !model.offline && !model.voiceChanger;
}

// Speech models are the ones billed by characters. Sound-effect models publish no flag that
// sets them apart, so they are recognised by Venice's naming ("...-sound-effects-...",
// "...-text-to-audio"); anything else is music.
function modelKind(id: string, name: string, pricing: MusicPricing): ModelKind {
  if ("per_thousand_characters" in pricing) return "speech";
  const text = `${id} ${name}`.toLowerCase();
  if (/sound[- ]effects?|text-to-audio/.test(text)) return "sound-effect";
  return "music";
}

function lyricsCapability(model: MusicModel, rule: ModelRule): LyricsCapability {
  const spec = model.model_spec;
  const max = spec.lyrics_character_limit ?? DEFAULT_LYRICS_CHARACTER_LIMIT;
  if (spec.supports_lyrics !== true) return { mode: "hidden", max, min: undefined, waivedBy: [] };
  if (rule.lyrics) return { mode: "required", max, ...rule.lyrics };
  if (spec.lyrics_required === true) return { mode: "required", max, min: 1, waivedBy: [] };
  return { mode: "optional", max, min: undefined, waivedBy: [] };
}

// A duration is settable only with a list of options or with both bounds. Values are whole
// seconds because `duration_seconds` is an integer.
function settableDuration(model: MusicModel): DurationCapability | null {
  const spec = model.model_spec;
  const options = (spec.duration_options ?? []).filter((option) => Number.isInteger(option) && option > 0);
  if (options.length > 0) {
    const fallback = options[0]!;
    const preferred = spec.default_duration;
    return {
      kind: "options",
      options,
      default: preferred !== undefined && options.includes(preferred) ? preferred : fallback,
    };
  }
  if (spec.min_duration === undefined || spec.max_duration === undefined) return null;
  const min = Math.max(1, Math.ceil(spec.min_duration));
  const max = Math.floor(spec.max_duration);
  if (min > max) return null;
  const preferred = spec.default_duration;
  return {
    kind: "range",
    min,
    max,
    default: preferred !== undefined && Number.isInteger(preferred) && preferred >= min && preferred <= max ? preferred : min,
  };
}

function speedRange(min = SPEED_BOUNDS.min, max = SPEED_BOUNDS.max, preferred = SPEED_BOUNDS.default) {
  const low = Math.max(SPEED_BOUNDS.min, min);
  const high = Math.min(SPEED_BOUNDS.max, max);
  return { min: low, max: high, default: Math.min(high, Math.max(low, preferred)) };
}
