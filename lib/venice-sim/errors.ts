// Venice-shaped error answers. Every handler returns one of these instead of throwing, so
// the server can log, count (error budget) and send them uniformly.
//
// 400 bodies follow Venice's DetailedError (a zod `format()` tree):
//   { error, details: { _errors: [...], <field>: { _errors: [...] }, ...extra } }
// `error` repeats the first problem so a client that only shows `error` still says what
// was wrong.

export type SimErrorAnswer = {
  status: number;
  body: Record<string, unknown>;
};

/** One validation problem; `field` null means the body as a whole. */
export type Issue = { field: string | null; message: string };

export function invalidRequest(issues: Issue[], extraDetails: Record<string, unknown> = {}): SimErrorAnswer {
  const details: Record<string, unknown> = { _errors: [] as string[] };
  for (const { field, message } of issues) {
    if (field === null) {
      (details._errors as string[]).push(message);
    } else {
      const node = (details[field] ??= { _errors: [] as string[] }) as { _errors: string[] };
      node._errors.push(message);
    }
  }
  Object.assign(details, extraDetails);
  const first = issues[0];
  const error = !first
    ? "Invalid request"
    : first.field && !first.message.toLowerCase().includes(first.field.toLowerCase())
      ? `${first.field}: ${first.message}`
      : first.message;
  return { status: 400, body: { error, details } };
}

export function simpleError(status: number, error: string): SimErrorAnswer {
  return { status, body: { error } };
}

export const REQUEST_ID_INVALID = "Request ID is invalid.";
export const MEDIA_NOT_FOUND = "Media could not be found. Request may be invalid, expired, or deleted.";
export const INSUFFICIENT_BALANCE = "Insufficient USD or Diem balance to complete request";
export const INFERENCE_FAILED = "Inference processing failed";
export const AT_CAPACITY = "The model is at capacity. Please try again later.";
export const CONTENT_VIOLATION = "Your prompt violates the content policy of Venice.ai or the model provider";
export const AUTH_FAILED = "Authentication failed";
export const RATE_LIMITED = "Rate limit exceeded";
