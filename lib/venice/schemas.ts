// zod schemas for the parts of Venice's audio API the studio uses, written from
// Venice's OpenAPI spec (../shared/venice/swagger.yaml) and the facts in its README.
//
// Request bodies are strict (the spec says `additionalProperties: false` and Venice answers
// any unknown field with a 400). Response bodies are loose: Venice adds fields over time and
// an extra field must not break the studio, so only the fields the studio relies on are
// checked.
import { z } from "zod";

// `duration_seconds` is an integer > 0 or a string of digits (spec: anyOf integer with
// exclusiveMinimum 0, string matching ^\d+$).
const durationSecondsSchema = z.union([z.number().int().positive(), z.string().regex(/^\d+$/)]);

export const queueAudioRequestSchema = z.strictObject({
  model: z.string().min(1),
  prompt: z.string().min(1),
  lyrics_prompt: z.string().optional(),
  duration_seconds: durationSecondsSchema.optional(),
  force_instrumental: z.boolean().optional(),
  lyrics_optimizer: z.boolean().optional(),
  loop: z.boolean().optional(),
  voice: z.string().optional(),
  language_code: z.string().optional(),
  speed: z.number().min(0.25).max(4).optional(),
});
export type QueueAudioRequest = z.infer<typeof queueAudioRequestSchema>;

/**
 * An /audio/queue body, checked against Venice's request schema: the one submit stores with
 * each generation (toQueueBody), read back by the worker that sends it, by the step that
 * stores its track and by "Reuse settings", and by the client before it sends one. Null
 * when it does not fit, e.g. a row written by an older studio.
 */
export function parseQueueBody(body: unknown): QueueAudioRequest | null {
  const parsed = queueAudioRequestSchema.safeParse(body);
  return parsed.success ? parsed.data : null;
}

export const quoteAudioRequestSchema = z.strictObject({
  model: z.string().min(1),
  duration_seconds: durationSecondsSchema.optional(),
  character_count: z.number().int().positive().optional(),
});
export type QuoteAudioRequest = z.infer<typeof quoteAudioRequestSchema>;

export const retrieveAudioRequestSchema = z.strictObject({
  model: z.string().min(1),
  queue_id: z.string().min(1),
  delete_media_on_completion: z.boolean().optional(),
});
export type RetrieveAudioRequest = z.infer<typeof retrieveAudioRequestSchema>;

export const completeAudioRequestSchema = z.strictObject({
  model: z.string().min(1),
  queue_id: z.string().min(1),
});
export type CompleteAudioRequest = z.infer<typeof completeAudioRequestSchema>;

// The job is already paid for when this arrives and a lost queue_id cannot be recovered,
// so queue_id is accepted as any non-empty string rather than insisting on a UUID.
export const queueAudioResponseSchema = z.looseObject({
  model: z.string(),
  queue_id: z.string().min(1),
  status: z.literal("QUEUED"),
});
export type QueueAudioResponse = z.infer<typeof queueAudioResponseSchema>;

export const quoteAudioResponseSchema = z.looseObject({
  quote: z.number().nonnegative(),
});

// Both times are in milliseconds: the model's P80 total and the time since enqueue.
export const retrieveProcessingResponseSchema = z.looseObject({
  status: z.literal("PROCESSING"),
  average_execution_time: z.number().nonnegative(),
  execution_duration: z.number().nonnegative(),
});

export const completeAudioResponseSchema = z.looseObject({
  success: z.boolean(),
});

const priceSchema = z.object({ usd: z.number().nonnegative(), diem: z.number().nonnegative() });

const durationTierSchema = priceSchema.extend({
  min_seconds: z.number().nonnegative(),
  max_seconds: z.number().nonnegative(),
});
export type DurationTier = z.infer<typeof durationTierSchema>;

const PRICING_SHAPES = ["generation", "per_second", "per_thousand_characters", "durations"] as const;

// Exactly one of the four shapes. The key count is checked on the raw object first, because
// the union below strips unknown keys and would otherwise let `{generation, per_second}`
// through as a plain `generation` price.
export const musicPricingSchema = z
  .looseObject({})
  .refine((pricing) => PRICING_SHAPES.filter((shape) => shape in pricing).length === 1, {
    error: `pricing must have exactly one of: ${PRICING_SHAPES.join(", ")}`,
  })
  .pipe(
    z.union([
      z.object({ generation: priceSchema }),
      z.object({ per_second: priceSchema }),
      z.object({ per_thousand_characters: priceSchema }),
      z.object({ durations: z.record(z.string(), durationTierSchema) }),
    ]),
  );
export type MusicPricing = z.infer<typeof musicPricingSchema>;

// Every capability flag is optional: absent means unsupported or no limit published.
const musicModelSpecSchema = z.looseObject({
  name: z.string().optional(),
  description: z.string().optional(),
  privacy: z.string().optional(),
  traits: z.array(z.string()).optional(),
  uncensored: z.boolean().optional(),
  offline: z.boolean().optional(),
  voice_changer: z.boolean().optional(),
  pricing: musicPricingSchema,
  supports_lyrics: z.boolean().optional(),
  lyrics_required: z.boolean().optional(),
  supports_lyrics_optimizer: z.boolean().optional(),
  supports_force_instrumental: z.boolean().optional(),
  supports_loop: z.boolean().optional(),
  supports_language_code: z.boolean().optional(),
  supports_speed: z.boolean().optional(),
  default_speed: z.number().optional(),
  min_speed: z.number().optional(),
  max_speed: z.number().optional(),
  voices: z.array(z.string()).optional(),
  default_voice: z.string().optional(),
  supports_custom_voice_id: z.boolean().optional(),
  duration_options: z.array(z.number()).optional(),
  min_duration: z.number().optional(),
  max_duration: z.number().optional(),
  default_duration: z.number().optional(),
  supported_formats: z.array(z.string()).optional(),
  default_format: z.string().optional(),
  prompt_character_limit: z.number().optional(),
  min_prompt_length: z.number().optional(),
  lyrics_character_limit: z.number().optional(),
});

export const musicModelSchema = z.looseObject({
  id: z.string().min(1),
  type: z.string(),
  object: z.string().optional(),
  created: z.number().optional(),
  owned_by: z.string().optional(),
  model_spec: musicModelSpecSchema,
});
export type MusicModel = z.infer<typeof musicModelSchema>;

// Only the list itself: each entry is parsed on its own with musicModelSchema, so that one
// entry the studio cannot read does not hide every other model.
export const modelListEnvelopeSchema = z.looseObject({
  object: z.literal("list"),
  data: z.array(z.unknown()),
});

export const standardErrorSchema = z.looseObject({
  error: z.string(),
});

// `details` is usually an object of `_errors` arrays (e.g. `{voice: {_errors: [...]},
// supported_voices: [...]}`) but Venice sometimes sends a plain string.
export const detailedErrorSchema = z.looseObject({
  error: z.string(),
  details: z.union([z.record(z.string(), z.unknown()), z.string()]).optional(),
  issues: z.unknown().optional(),
});
export type DetailedError = z.infer<typeof detailedErrorSchema>;

export const contentViolationErrorSchema = z.looseObject({
  error: z.string(),
  suggested_prompt: z.string().optional(),
});

// GET /billing/balance (admin keys only). Only `balances` is used; the rest is optional so a
// change there cannot hide the balance.
export const billingBalanceResponseSchema = z.looseObject({
  canConsume: z.boolean().optional(),
  consumptionCurrency: z.string().nullable().optional(),
  balances: z.looseObject({
    usd: z.number().nullable(),
    diem: z.number().nullable(),
  }),
  diemEpochAllocation: z.number().optional(),
});

// GET /api_keys/rate_limits (any key): `data.balances` is already capped at the key's
// spend limit.
export const rateLimitsResponseSchema = z.looseObject({
  data: z.looseObject({
    balances: z.looseObject({
      USD: z.number().optional(),
      DIEM: z.number().optional(),
    }),
  }),
});
