// The Venice endpoints themselves: request in (already authenticated, rate-limited and
// JSON-parsed by the server), Venice-shaped answer out.

import { CONTENT_TYPES } from "./audio/render";
import { json, type Answer, type SimContext } from "./context";
import {
  CONTENT_VIOLATION,
  INFERENCE_FAILED,
  INSUFFICIENT_BALANCE,
  MEDIA_NOT_FOUND,
  invalidRequest,
  type SimErrorAnswer,
} from "./errors";
import { readMarkers, stripMarkers, suggestPrompt, type PromptMarkers } from "./faults";
import type { Job, JobFailure } from "./jobs";
import { outputFormat, plannedAudioSeconds } from "./media";
import { hasDurationMetadata, priceFor, toMicros } from "./pricing";
import { averageExecutionTimeMs, sampleExecutionTimeMs } from "./timing";
import { requestIdInvalid, validateJobRequest, validateQueue, validateQuote, type JobRequestInput } from "./validation";

const fromError = (e: SimErrorAnswer): Answer => json(e.status, e.body);

const MODEL_TYPES = ["asr", "embedding", "image", "music", "text", "tts", "upscale", "inpaint", "video", "all", "code"];

/** GET /models[?type=]: the music catalog for type=music (and all); other types are empty. */
export function handleModels(ctx: SimContext, query: URLSearchParams): Answer {
  const type = query.get("type") ?? "text"; // Venice's default type is text
  if (!MODEL_TYPES.includes(type)) {
    return fromError(invalidRequest([{ field: "type", message: `Invalid enum value. Expected ${MODEL_TYPES.join(" | ")}, received '${type}'` }]));
  }
  const data = type === "music" || type === "all" ? ctx.models : [];
  return json(200, { object: "list", type, data });
}

/** POST /audio/quote */
export function handleQuote(ctx: SimContext, body: unknown): Answer {
  const v = validateQuote(body, ctx.modelIndex);
  if (!v.ok) return fromError(v.error);
  const price = priceFor(v.value.model.model_spec, v.value);
  if (!price.ok) return fromError(invalidRequest([{ field: price.field, message: price.message }]));
  return json(200, { quote: price.usd });
}

const NO_MARKERS: PromptMarkers = { violation: false, violationLate: false, fail: false, invalidLate: false, expire: false };

/** POST /audio/queue: validate, moderate, charge, start the job. */
export function handleQueue(ctx: SimContext, body: unknown): Answer {
  const v = validateQueue(body, ctx.modelIndex);
  if (!v.ok) return fromError(v.error);
  const input = v.value;
  const { model } = input;
  const spec = model.model_spec;
  const markers = ctx.enableFaults ? readMarkers(input.prompt) : NO_MARKERS;

  if (markers.violation) {
    return json(422, { error: CONTENT_VIOLATION, suggested_prompt: suggestPrompt(input.prompt, spec) });
  }

  // The charge: the quote for this request (TTS: the trimmed prompt's characters; seed
  // audio: its 120 s default, reserved now and settled when it finishes).
  const price = priceFor(spec, { durationSeconds: input.durationSeconds, characterCount: input.prompt.length });
  if (!price.ok) return fromError(invalidRequest([{ field: price.field, message: price.message }]));
  const charged = toMicros(price.usd);
  if (!ctx.wallet.canAfford(charged)) {
    return json(402, { error: INSUFFICIENT_BALANCE, code: "INSUFFICIENT_BALANCE" });
  }
  ctx.wallet.charge(charged);

  const renderPrompt = ctx.enableFaults ? stripMarkers(input.prompt) : input.prompt;
  const audioSeconds = plannedAudioSeconds(model, { durationSeconds: input.durationSeconds, prompt: input.prompt }, ctx.rng);
  let finalMicros = charged;
  if ("per_second" in spec.pricing && !hasDurationMetadata(spec)) {
    const settled = priceFor(spec, { durationSeconds: audioSeconds });
    if (settled.ok) finalMicros = Math.min(charged, toMicros(settled.usd));
  }

  const p80 = averageExecutionTimeMs(model.id);
  const executionMs = Math.max(1, Math.round(sampleExecutionTimeMs(p80, ctx.rng) / ctx.speed));

  let plannedFailure: (Omit<JobFailure, "atMs"> & { atFraction: number }) | undefined;
  if (markers.fail) {
    plannedFailure = { status: 500, body: { error: INFERENCE_FAILED }, atFraction: 0.5 };
  } else if (markers.violationLate) {
    plannedFailure = {
      status: 422,
      body: { error: `${CONTENT_VIOLATION}. Credits have been refunded.`, suggested_prompt: suggestPrompt(stripMarkers(input.prompt), spec) },
      atFraction: 1,
    };
  } else if (markers.invalidLate) {
    const issue = { field: null, message: "The provider rejected the request parameters. Credits have been refunded." };
    plannedFailure = { ...invalidRequest([issue]), atFraction: 1 };
  }

  const format = outputFormat(model);
  const job = ctx.jobs.create({
    model,
    format,
    executionMs,
    averageExecutionMs: Math.max(1, Math.round(p80 / ctx.speed)),
    audioSeconds,
    chargedMicros: charged,
    finalMicros,
    plannedFailure,
    expireOnFinish: markers.expire,
    renderInput: {
      prompt: renderPrompt,
      seconds: audioSeconds,
      format,
      loop: input.loop,
      instrumental: input.forceInstrumental || spec.supports_lyrics !== true,
      lyrics: input.lyrics,
    },
  });
  ctx.logger?.({ msg: "venice-sim job queued", queue_id: job.id, model: model.id, executionMs, audioSeconds, usd: price.usd });
  return json(200, { model: model.id, queue_id: job.id, status: "QUEUED" });
}

function notFound(): Answer {
  return json(404, { error: MEDIA_NOT_FOUND });
}

/** The job a retrieve or complete call names: 404 once its media is deleted, 400 when never issued or another model's. */
function findJob(
  ctx: SimContext,
  body: unknown,
  endpoint: "retrieve" | "complete",
): { ok: true; job: Job; request: JobRequestInput } | { ok: false; answer: Answer } {
  const v = validateJobRequest(body, ctx.modelIndex, endpoint);
  if (!v.ok) return { ok: false, answer: fromError(v.error) };
  const job = ctx.jobs.get(v.value.queueId);
  if (!job) return { ok: false, answer: ctx.jobs.wasDeleted(v.value.queueId) ? notFound() : fromError(requestIdInvalid()) };
  if (job.model.id !== v.value.model.id) return { ok: false, answer: fromError(requestIdInvalid()) };
  return { ok: true, job, request: v.value };
}

/** POST /audio/retrieve: PROCESSING, the audio, or the job's error. */
export function handleRetrieve(ctx: SimContext, body: unknown): Answer {
  const found = findJob(ctx, body, "retrieve");
  if (!found.ok) return found.answer;
  const { job, request } = found;
  const view = ctx.jobs.view(job);
  switch (view.kind) {
    case "processing":
      return json(200, {
        status: "PROCESSING",
        average_execution_time: view.averageExecutionMs,
        execution_duration: view.executionDurationMs,
      });
    case "error":
      return json(view.status, view.body);
    case "gone":
      return notFound();
    case "audio": {
      if (request.deleteMediaOnCompletion) ctx.jobs.delete(job.id);
      const headers: Record<string, string> = {
        "x-venice-audio-format": job.format,
        "x-venice-inference-time": (job.executionMs / 1000).toFixed(3),
        "x-venice-model-id": job.model.id,
        "x-venice-model-name": job.model.model_spec.name,
      };
      if (job.model.id === "seed-audio-1-0") headers["x-venice-audio-duration"] = String(job.audioSeconds);
      return { kind: "audio", audio: view.audio, contentType: CONTENT_TYPES[job.format], headers };
    }
  }
}

/** POST /audio/complete: deletes finished media; `{success:false}` while still running. */
export function handleComplete(ctx: SimContext, body: unknown): Answer {
  const found = findJob(ctx, body, "complete");
  if (!found.ok) return found.answer;
  const { job } = found;
  const view = ctx.jobs.view(job);
  if (view.kind === "gone") {
    ctx.jobs.delete(job.id);
    return notFound();
  }
  return json(200, ctx.jobs.complete(job));
}

/** GET /billing/balance (the simulator's single key counts as an admin key). */
export function handleBalance(ctx: SimContext): Answer {
  const usd = ctx.wallet.usd;
  return json(200, { canConsume: usd > 0, consumptionCurrency: "USD", balances: { usd, diem: null }, diemEpochAllocation: 0 });
}

/** GET /api_keys/rate_limits: balances as an inference key sees them, and the limits. */
export function handleRateLimits(ctx: SimContext): Answer {
  const nextEpoch = new Date();
  nextEpoch.setUTCHours(24, 0, 0, 0);
  return json(200, {
    data: {
      accessPermitted: true,
      apiTier: { id: "paid", isCharged: true },
      balances: { USD: ctx.wallet.usd, DIEM: 0 },
      keyExpiration: null,
      nextEpochBegins: nextEpoch.toISOString(),
      rateLimits: ctx.models.map((m) => ({
        apiModelId: m.id,
        rateLimits: [{ amount: ctx.rateLimits.queuePerMinute, type: "RPM" }],
      })),
    },
  });
}
