import { z } from "zod";
import { env } from "@/lib/env";
import { apiMessage } from "@/lib/failure-wording";
import type { VeniceError, VeniceErrorCode } from "@/lib/venice/errors";

// The one error type route handlers throw. Its code decides the HTTP status, here only.
const STATUS_BY_CODE = {
  bad_request: 400,
  unauthorized: 401,
  payment_required: 402,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
  bad_gateway: 502,
  unavailable: 503,
} as const;

export type ApiErrorCode = keyof typeof STATUS_BY_CODE;
export type FieldErrors = Record<string, string[]>;

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly fields?: FieldErrors,
  ) {
    super(message);
  }

  get status(): number {
    return STATUS_BY_CODE[this.code];
  }
}

/** Field errors keyed by the dotted path of each zod issue. */
export function fieldErrors(error: Pick<z.ZodError, "issues">): FieldErrors {
  // A Map, then fromEntries: a field named "__proto__" or "constructor" stays a plain entry.
  const fields = new Map<string, string[]>();
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    fields.set(key, [...(fields.get(key) ?? []), issue.message]);
  }
  return Object.fromEntries(fields);
}

// A Venice failure, as the studio's own API answers it: the few that the creator can act on
// keep their meaning, Venice being busy or down is a 503 (try again shortly), every other
// one is Venice's side (502). The message is the code's (lib/failure-wording), never the
// developer detail.
const CODE_BY_VENICE_CODE: Partial<Record<VeniceErrorCode, ApiErrorCode>> = {
  INSUFFICIENT_BALANCE: "payment_required",
  CONTENT_VIOLATION: "unprocessable",
  RATE_LIMITED: "unavailable",
  UNAVAILABLE: "unavailable",
};

export function apiErrorFromVenice(error: VeniceError): ApiError {
  return new ApiError(CODE_BY_VENICE_CODE[error.code] ?? "bad_gateway", apiMessage(error.code, env().mode));
}
