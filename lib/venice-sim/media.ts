// What a finished job's audio looks like: its format (the model's default_format) and how
// long it is.
//
// Length: the requested duration_seconds, else default_duration for models with duration
// metadata. Models without it get a plausible length of their own (Venice decides there):
//   minimax-music-*      a song of 60-120 s
//   lyria-3-pro          a song of 60-180 s
//   seed-audio-1-0       30-120 s (it reserves 120 s at queue and settles on this length)
//   text-to-speech       ~15 characters a second of speech, at least 1 s
//   anything else        its default_duration, else 30-90 s

import type { AudioFormat } from "@/lib/audio/format";
import type { SimModel } from "./catalog";
import type { Rng } from "./timing";

export function outputFormat(model: SimModel): AudioFormat {
  return model.model_spec.default_format ?? model.model_spec.supported_formats?.[0] ?? "mp3";
}

/** The seed-audio style cap: models that take no duration but reserve this many seconds. */
const SEED_AUDIO_RESERVED_SECONDS = 120;

function between(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

const TTS_CHARACTERS_PER_SECOND = 15;

export function plannedAudioSeconds(
  model: SimModel,
  input: { durationSeconds?: number; prompt: string },
  rng: Rng,
): number {
  const spec = model.model_spec;
  if (input.durationSeconds !== undefined) return input.durationSeconds;
  if ("per_thousand_characters" in spec.pricing) {
    return Math.max(1, Math.round(input.prompt.length / TTS_CHARACTERS_PER_SECOND));
  }
  if (model.id === "seed-audio-1-0") return between(rng, 30, spec.default_duration ?? SEED_AUDIO_RESERVED_SECONDS);
  if (model.id.startsWith("minimax-music-")) return between(rng, 60, 120);
  if (model.id === "lyria-3-pro") return between(rng, 60, 180);
  return spec.default_duration ?? between(rng, 30, 90);
}
