import "server-only";

// A thin typed transport for Venice's async audio API. It sends the bodies it is given
// (validated against the request schemas), parses every answer with its zod schema and turns
// every failure into a VeniceError. Retries and polling policy belong to its callers.
import type { z } from "zod";
import type { AudioFormat } from "@/lib/audio/format";
import { guardAudioStream } from "./audio-stream";
import { VeniceError, veniceErrorFromResponse } from "./errors";
import {
  billingBalanceResponseSchema,
  completeAudioRequestSchema,
  completeAudioResponseSchema,
  modelListEnvelopeSchema,
  musicModelSchema,
  queueAudioRequestSchema,
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

export type VeniceClientOptions = {
  /** e.g. https://api.venice.ai/api/v1 */
  baseUrl: string;
  apiKey: string;
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
      contentType: string;
      format: AudioFormat;
      contentLength: number | undefined;
      /** The audio, streamed. Reading it fails with TRUNCATED/TIMEOUT/NETWORK VeniceErrors. */
      body: ReadableStream<Uint8Array>;
      inferenceTimeSeconds: number | undefined;
      /** Sent by Seed Audio, whose charge settles on the real length. */
      audioDurationSeconds: number | undefined;
    };

export type Balance = { usd: number | null };

/** A /models entry the studio could not parse; `id` is undefined when the entry has none. */
export type SkippedModel = { id: string | undefined; reason: string };

export type MusicModelList = { models: MusicModel[]; skipped: SkippedModel[] };

export type VeniceClient = ReturnType<typeof createVeniceClient>;

const DEFAULT_TIMEOUT_MS = 30_000;

const FORMAT_BY_CONTENT_TYPE: Readonly<Record<string, AudioFormat>> = {
  "audio/mpeg": "mp3",
  "audio/mp3": "mp3",
  "audio/wav": "wav",
  "audio/x-wav": "wav",
  "audio/wave": "wav",
  "audio/flac": "flac",
  "audio/x-flac": "flac",
};

export function createVeniceClient(options: VeniceClientOptions) {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const { apiKey } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const streamIdleTimeoutMs = options.streamIdleTimeoutMs ?? DEFAULT_TIMEOUT_MS;

  // /billing/balance needs an admin key. Once it has refused this key, go straight to the
  // fallback: every failed 4xx counts towards Venice's lock-out budget.
  let billingBalanceRefused = false;

  /** Sends a request; resolves with a 2xx Response, otherwise throws a VeniceError. */
  async function send(path: string, body: unknown, signal: AbortSignal): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(`${baseUrl}${path}`, {
        method: body === undefined ? "GET" : "POST",
        headers: {
          Authorization: `Bearer ${apiKey}`,
          ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
      });
    } catch (cause) {
      throw transportError(path, signal, cause);
    }
    if (!response.ok) {
      const text = await response.text().catch(() => "");
      // Venice never echoes the key, but an error message must not be able to carry it.
      throw veniceErrorFromResponse(response.status, response.headers, text.replaceAll(apiKey, "[redacted]"));
    }
    return response;
  }

  async function requestJson<T>(path: string, body: unknown, schema: z.ZodType<T>): Promise<T> {
    const signal = AbortSignal.timeout(timeoutMs);
    const response = await send(path, body, signal);
    let text: string;
    try {
      text = await response.text();
    } catch (cause) {
      throw transportError(path, signal, cause);
    }
    return parseBody(path, response.status, text, schema);
  }

  async function retrieve(request: RetrieveAudioRequest): Promise<RetrieveResult> {
    const body = retrieveAudioRequestSchema.parse(request);
    // The timeout covers the answer's headers only: a long download is fine as long as it
    // keeps moving, which guardAudioStream checks chunk by chunk.
    const controller = new AbortController();
    const headersTimer = setTimeout(
      () => controller.abort(new DOMException("Venice retrieve timed out", "TimeoutError")),
      timeoutMs,
    );
    let response: Response;
    try {
      response = await send("/audio/retrieve", body, controller.signal);
    } finally {
      clearTimeout(headersTimer);
    }

    const contentType = (response.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    if (contentType === "application/json") {
      const text = await readTextWithin(response, controller, "/audio/retrieve");
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
    const contentLength = response.headers.get("content-encoding")
      ? undefined
      : numberHeader(response.headers, "content-length");
    return {
      status: "DONE",
      contentType,
      format,
      contentLength,
      body: guardAudioStream(response.body, {
        expectedBytes: contentLength,
        idleTimeoutMs: streamIdleTimeoutMs,
        abort: () => controller.abort(),
      }),
      inferenceTimeSeconds: numberHeader(response.headers, "x-venice-inference-time"),
      audioDurationSeconds: numberHeader(response.headers, "x-venice-audio-duration"),
    };
  }

  async function readTextWithin(response: Response, controller: AbortController, path: string): Promise<string> {
    const bodyTimer = setTimeout(
      () => controller.abort(new DOMException(`Venice ${path} timed out`, "TimeoutError")),
      timeoutMs,
    );
    try {
      return await response.text();
    } catch (cause) {
      throw transportError(path, controller.signal, cause);
    } finally {
      clearTimeout(bodyTimer);
    }
  }

  async function balance(): Promise<Balance | null> {
    if (!billingBalanceRefused) {
      try {
        const billing = await requestJson("/billing/balance", undefined, billingBalanceResponseSchema);
        return { usd: billing.balances.usd };
      } catch (error) {
        if (!isRefusal(error)) throw error;
        billingBalanceRefused = true;
      }
    }
    try {
      const limits = await requestJson("/api_keys/rate_limits", undefined, rateLimitsResponseSchema);
      return { usd: limits.data.balances.USD ?? null };
    } catch (error) {
      if (isRefusal(error)) return null;
      throw error;
    }
  }

  return {
    /**
     * The music models, each parsed on its own: an entry the studio cannot read (a pricing
     * shape it does not know yet, say) is skipped and reported instead of taking the whole
     * catalog down. Only a malformed list itself is an INVALID_RESPONSE.
     */
    async listMusicModels(): Promise<MusicModelList> {
      const list = await requestJson("/models?type=music", undefined, modelListEnvelopeSchema);
      const models: MusicModel[] = [];
      const skipped: SkippedModel[] = [];
      for (const entry of list.data) {
        const parsed = musicModelSchema.safeParse(entry);
        if (parsed.success) models.push(parsed.data);
        else skipped.push({ id: entryId(entry), reason: describeIssues(parsed.error) });
      }
      return { models, skipped };
    },
    async quote(request: QuoteAudioRequest): Promise<number> {
      const body = quoteAudioRequestSchema.parse(request);
      return (await requestJson("/audio/quote", body, quoteAudioResponseSchema)).quote;
    },
    /** Charges the job. Venice has no idempotency key: never resend after an unclear failure. */
    async queue(request: QueueAudioRequest): Promise<QueueAudioResponse> {
      const body = queueAudioRequestSchema.parse(request);
      return requestJson("/audio/queue", body, queueAudioResponseSchema);
    },
    retrieve,
    /** Deletes the media on Venice. `false` means cleanup did not happen and may be retried. */
    async complete(request: CompleteAudioRequest): Promise<boolean> {
      const body = completeAudioRequestSchema.parse(request);
      return (await requestJson("/audio/complete", body, completeAudioResponseSchema)).success;
    },
    /** The USD balance, or null when this key may read neither balance endpoint. */
    balance,
  };
}

function isRefusal(error: unknown): boolean {
  return error instanceof VeniceError && (error.status === 401 || error.status === 403);
}

function transportError(path: string, signal: AbortSignal, cause: unknown): VeniceError {
  return signal.aborted
    ? new VeniceError("TIMEOUT", { status: 0, message: `Venice ${path} timed out`, cause })
    : new VeniceError("NETWORK", { status: 0, message: `Could not reach Venice ${path}`, cause });
}

function parseBody<T>(path: string, status: number, text: string, schema: z.ZodType<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new VeniceError("INVALID_RESPONSE", { status, message: `Venice ${path} answered with invalid JSON`, cause });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new VeniceError("INVALID_RESPONSE", {
      status,
      message: `Venice ${path} answer did not match its schema: ${describeIssues(parsed.error)}`,
    });
  }
  return parsed.data;
}

/** The first few schema problems, e.g. "model_spec.pricing: Invalid input". */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`)
    .join("; ");
}

function entryId(entry: unknown): string | undefined {
  if (typeof entry !== "object" || entry === null || !("id" in entry)) return undefined;
  return typeof entry.id === "string" ? entry.id : undefined;
}

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
