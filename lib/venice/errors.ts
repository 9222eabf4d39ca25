// Every failure of a Venice call becomes one VeniceError: an HTTP error answer, a timeout,
// a dropped connection, a truncated download or a body that does not match its schema.
import {
  contentViolationErrorSchema,
  detailedErrorSchema,
  standardErrorSchema,
  type DetailedError,
} from "./schemas";

export type VeniceErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHORIZED"
  | "INSUFFICIENT_BALANCE"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONTENT_VIOLATION"
  | "RATE_LIMITED"
  | "SERVER_ERROR"
  | "UNAVAILABLE"
  | "TIMEOUT"
  | "TRUNCATED"
  | "NETWORK"
  | "INVALID_RESPONSE";

// The only place an HTTP status is turned into a code (statuses from Venice's README). What a
// creator is told for each code is lib/failure-wording's; what the worker does about it, its
// steps' (lib/generations/*-step.ts): a 4xx other than 429 is never sent again, since Venice
// locks a key out after a burst of failed 4xx requests.
const CODE_BY_STATUS: Readonly<Record<number, VeniceErrorCode>> = {
  400: "BAD_REQUEST",
  401: "UNAUTHORIZED",
  402: "INSUFFICIENT_BALANCE",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  422: "CONTENT_VIOLATION",
  429: "RATE_LIMITED",
  500: "SERVER_ERROR",
  502: "UNAVAILABLE",
  503: "UNAVAILABLE",
  504: "UNAVAILABLE",
};

export const DEFAULT_RETRY_AFTER_MS = 30_000;

type VeniceErrorOptions = {
  /** HTTP status, or 0 when no complete HTTP answer arrived (timeout, network, truncation). */
  status: number;
  /** Developer-facing detail for logs. Never the API key or a raw response body. */
  message?: string;
  retryAfterMs?: number;
  suggestedPrompt?: string;
  details?: DetailedError["details"];
  cause?: unknown;
};

// Next bundles instrumentation and each route separately, each with its own copy of this
// class, while the Venice client is one per process (made by whichever bundle comes first).
// A process-wide brand lets `instanceof VeniceError` recognise an error from any copy.
const VENICE_ERROR_BRAND = Symbol.for("venice-studio.VeniceError");

export class VeniceError extends Error {
  static [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && VENICE_ERROR_BRAND in value;
  }

  readonly [VENICE_ERROR_BRAND] = true;
  readonly code: VeniceErrorCode;
  readonly status: number;
  readonly retryAfterMs: number | undefined;
  readonly suggestedPrompt: string | undefined;
  readonly details: DetailedError["details"];

  constructor(code: VeniceErrorCode, options: VeniceErrorOptions) {
    super(options.message ?? `Venice ${code}${options.status ? ` (HTTP ${options.status})` : ""}`, {
      cause: options.cause,
    });
    this.name = "VeniceError";
    this.code = code;
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
    this.suggestedPrompt = options.suggestedPrompt;
    this.details = options.details;
  }
}

export function codeForStatus(status: number): VeniceErrorCode {
  const known = CODE_BY_STATUS[status];
  if (known) return known;
  if (status >= 500 && status <= 599) return "SERVER_ERROR";
  if (status >= 400 && status <= 499) return "BAD_REQUEST";
  return "INVALID_RESPONSE";
}

// Retry-After is either delay-seconds or an HTTP-date (RFC 9110 §10.2.3).
export function parseRetryAfterMs(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

const MAX_MESSAGE_CHARS = 300;

/** Turns a non-2xx Venice answer into a VeniceError. */
export function veniceErrorFromResponse(
  status: number,
  headers: Headers,
  bodyText: string,
  now: number = Date.now(),
): VeniceError {
  const code = codeForStatus(status);
  const body = parseJson(bodyText);
  const veniceMessage = standardErrorSchema.safeParse(body).data?.error;
  const retryAfterMs =
    parseRetryAfterMs(headers.get("retry-after"), now) ??
    (code === "RATE_LIMITED" ? DEFAULT_RETRY_AFTER_MS : undefined);

  return new VeniceError(code, {
    status,
    message: `Venice ${code} (HTTP ${status})${veniceMessage ? `: ${veniceMessage.slice(0, MAX_MESSAGE_CHARS)}` : ""}`,
    retryAfterMs,
    suggestedPrompt:
      code === "CONTENT_VIOLATION" ? contentViolationErrorSchema.safeParse(body).data?.suggested_prompt : undefined,
    details: code === "BAD_REQUEST" ? detailedErrorSchema.safeParse(body).data?.details : undefined,
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
