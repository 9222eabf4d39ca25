import "server-only";

// Venice's async audio API, one function per call, over a small transport (./transport.ts).
// Each call sends the body it is given once it passes its request schema, parses the answer
// with its zod schema and turns every failure into a VeniceError. Retries and polling policy
// belong to the callers.
import type { AudioFormat } from "@/lib/audio/format";
import { guardAudioStream } from "./audio-stream";
import { VeniceError } from "./errors";
import {
  billingBalanceResponseSchema,
  completeAudioRequestSchema,
  completeAudioResponseSchema,
  modelListEnvelopeSchema,
  musicModelSchema,
  parseQueueBody,
  queueAudioResponseSchema,
  quoteAudioRequestSchema,
  quoteAudioResponseSchema,
  rateLimitsResponseSchema,
  retrieveAudioRequestSchema,
  retrieveProcessingResponseSchema,
  type CompleteAudioRequest,
  type MusicModel,
  type QueueAudioRequest,
  type QueueAudioResponse,
  type QuoteAudioRequest,
  type RetrieveAudioRequest,
} from "./schemas";
import { describeIssues, parseBody, readTextWithin, requestJson, send, type VeniceTransport } from "./transport";

export type VeniceClientOptions = {
  /** e.g. https://api.venice.ai/api/v1 */
  baseUrl: string;
  apiKey: string;
  /** Default: the global fetch, looked up at each call. */
  fetch?: typeof fetch;
  /** Limit for JSON calls and for the headers of a retrieve. Default 30 s. */
  timeoutMs?: number;
  /** Longest wait for the next chunk while reading audio. Default 30 s. */
  streamIdleTimeoutMs?: number;
};

export type RetrieveResult =
  | {
      status: "PROCESSING";
      /** The model's P80 total generation time, ms. */
      averageExecutionTime: number;
      /** Time since the job was queued, ms. */
      executionDuration: number;
    }
  | {
      status: "DONE";
      format: AudioFormat;
      /** The audio, streamed. Reading it fails with TRUNCATED/TIMEOUT/NETWORK VeniceErrors. */
      body: ReadableStream<Uint8Array>;
      inferenceTimeSeconds: number | undefined;
      /** The track's real length as Venice bills it (x-venice-audio-duration, s): Seed Audio settles its charge on it. */
      audioDurationSeconds: number | undefined;
    };

export type Balance = { usd: number | null };

/** A /models entry the studio could not parse; `id` is undefined when the entry has none. */
export type SkippedModel = { id: string | undefined; reason: string };

export type MusicModelList = { models: MusicModel[]; skipped: SkippedModel[] };

const DEFAULT_TIMEOUT_MS = 30_000;

/** A client for one Venice base URL and key: the calls below, bound to its transport. */
export function createVeniceClient(options: VeniceClientOptions) {
  const transport: VeniceTransport = {
    baseUrl: options.baseUrl.replace(/\/+$/, ""),
    apiKey: options.apiKey,
    // Looked up at each call, as before: Next.js may replace the global fetch after start.
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    streamIdleTimeoutMs: options.streamIdleTimeoutMs ?? DEFAULT_TIMEOUT_MS,
  };
  // /billing/balance needs an admin key. Once it has refused this key, go straight to the
  // fallback: every failed 4xx counts towards Venice's lock-out budget.
  const billing = { refused: false };
  return {
    listMusicModels: () => listMusicModels(transport),
    quote: (request: QuoteAudioRequest) => quote(transport, request),
    queue: (request: QueueAudioRequest) => queue(transport, request),
    retrieve: (request: RetrieveAudioRequest) => retrieve(transport, request),
    complete: (request: CompleteAudioRequest) => complete(transport, request),
    balance: () => balance(transport, billing),
  };
}

export type VeniceClient = ReturnType<typeof createVeniceClient>;

/**
 * The music models, each parsed on its own: an entry the studio cannot read (a pricing
 * shape it does not know yet, say) is skipped and reported instead of taking the whole
 * catalog down. Only a malformed list itself is an INVALID_RESPONSE.
 */
async function listMusicModels(transport: VeniceTransport): Promise<MusicModelList> {
  const list = await requestJson(transport, "/models?type=music", undefined, modelListEnvelopeSchema);
  const models: MusicModel[] = [];
  const skipped: SkippedModel[] = [];
  for (const entry of list.data) {
    const parsed = musicModelSchema.safeParse(entry);
    if (parsed.success) models.push(parsed.data);
    else skipped.push({ id: entryId(entry), reason: describeIssues(parsed.error) });
  }
  return { models, skipped };
}

/** Venice's price for a request, USD. */
async function quote(transport: VeniceTransport, request: QuoteAudioRequest): Promise<number> {
  const body = quoteAudioRequestSchema.parse(request);
  return (await requestJson(transport, "/audio/quote", body, quoteAudioResponseSchema)).quote;
}

/** Charges the job. Venice has no idempotency key: never resend after an unclear failure. */
async function queue(transport: VeniceTransport, request: QueueAudioRequest): Promise<QueueAudioResponse> {
  const body = parseQueueBody(request);
  if (!body) throw new TypeError("This /audio/queue body breaks Venice's request schema; it was not sent.");
  return requestJson(transport, "/audio/queue", body, queueAudioResponseSchema);
}

/** Deletes the media on Venice. `false` means cleanup did not happen and may be retried. */
async function complete(transport: VeniceTransport, request: CompleteAudioRequest): Promise<boolean> {
  const body = completeAudioRequestSchema.parse(request);
  return (await requestJson(transport, "/audio/complete", body, completeAudioResponseSchema)).success;
}

/** The job's progress while it runs; its audio, streamed, once it is done. */
async function retrieve(transport: VeniceTransport, request: RetrieveAudioRequest): Promise<RetrieveResult> {
  const body = retrieveAudioRequestSchema.parse(request);
  // The timeout covers the answer's headers only: a long download is fine as long as it
  // keeps moving, which guardAudioStream checks chunk by chunk.
  const controller = new AbortController();
  const headersTimer = setTimeout(
    () => controller.abort(new DOMException("Venice retrieve timed out", "TimeoutError")),
    transport.timeoutMs,
  );
  let response: Response;
  try {
    response = await send(transport, "/audio/retrieve", body, controller.signal);
  } finally {
    clearTimeout(headersTimer);
  }

  const contentType = (response.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (contentType === "application/json") {
    const text = await readTextWithin(transport, response, controller, "/audio/retrieve");
    const processing = parseBody("/audio/retrieve", response.status, text, retrieveProcessingResponseSchema);
    return {
      status: "PROCESSING",
      averageExecutionTime: processing.average_execution_time,
      executionDuration: processing.execution_duration,
    };
  }

  const format = FORMAT_BY_CONTENT_TYPE[contentType] ?? audioFormatHeader(response.headers);
  if (!format || !response.body) {
    controller.abort();
    throw new VeniceError("INVALID_RESPONSE", {
      status: response.status,
      message: `Venice /audio/retrieve answered with unexpected content type "${contentType}"`,
    });
  }
  // Content-Length counts encoded bytes; with a Content-Encoding it says nothing about the
  // decoded audio, so it is only trusted for unencoded bodies.
  const expectedBytes = response.headers.get("content-encoding") ? undefined : numberHeader(response.headers, "content-length");
  return {
    status: "DONE",
    format,
    body: guardAudioStream(response.body, {
      expectedBytes,
      idleTimeoutMs: transport.streamIdleTimeoutMs,
      abort: () => controller.abort(),
    }),
    inferenceTimeSeconds: numberHeader(response.headers, "x-venice-inference-time"),
    audioDurationSeconds: numberHeader(response.headers, "x-venice-audio-duration"),
  };
}

/** The USD balance, or null when this key may read neither balance endpoint. */
async function balance(transport: VeniceTransport, billing: { refused: boolean }): Promise<Balance | null> {
  if (!billing.refused) {
    try {
      const answer = await requestJson(transport, "/billing/balance", undefined, billingBalanceResponseSchema);
      return { usd: answer.balances.usd };
    } catch (error) {
      if (!isRefusal(error)) throw error;
      billing.refused = true;
    }
  }
  try {
    const limits = await requestJson(transport, "/api_keys/rate_limits", undefined, rateLimitsResponseSchema);
    return { usd: limits.data.balances.USD ?? null };
  } catch (error) {
    if (isRefusal(error)) return null;
    throw error;
  }
}

function isRefusal(error: unknown): boolean {
  return error instanceof VeniceError && (error.status === 401 || error.status === 403);
}

function entryId(entry: unknown): string | undefined {
  if (typeof entry !== "object" || entry === null || !("id" in entry)) return undefined;
  return typeof entry.id === "string" ? entry.id : undefined;
}

const FORMAT_BY_CONTENT_TYPE: Readonly<Record<string, AudioFormat>> = {
  "audio/mpeg": "mp3",
  "audio/mp3": "mp3",
  "audio/wav": "wav",
  "audio/x-wav": "wav",
  "audio/wave": "wav",
  "audio/flac": "flac",
  "audio/x-flac": "flac",
};

function audioFormatHeader(headers: Headers): AudioFormat | undefined {
  const value = headers.get("x-venice-audio-format")?.trim().toLowerCase();
  return value === "mp3" || value === "wav" || value === "flac" ? value : undefined;
}

function numberHeader(headers: Headers, name: string): number | undefined {
  const value = headers.get(name);
  if (value === null || value.trim() === "") return undefined;
  const number = Number(value);
  return Number.isFinite(number) && number >= 0 ? number : undefined;
}
