// What a submit carries besides its draft: how many takes, and the client's Idempotency-Key.
// The routes read both with these rules (the body's `takes`, the header), and submit and
// quote check them again for callers that come through no route (workers' tests, benches).
import { z } from "zod";
import { ApiError } from "@/lib/errors";

export const MAX_TAKES = 4;
const TAKES_RANGE = `Choose between 1 and ${MAX_TAKES} takes.`;

/** 1..MAX_TAKES variations of the same request, one Venice job each. */
export const takesSchema = z
  .number({ error: "Takes must be a number." })
  .int({ error: TAKES_RANGE })
  .min(1, { error: TAKES_RANGE })
  .max(MAX_TAKES, { error: TAKES_RANGE });

/** Refuses a number of takes the studio does not make: 400, field errors on `takes`. */
export function validateTakes(takes: number): void {
  const parsed = takesSchema.safeParse(takes);
  if (!parsed.success) {
    throw new ApiError("bad_request", "Some fields are invalid.", { takes: parsed.error.issues.map((issue) => issue.message) });
  }
}

// Every submit carries the client's Idempotency-Key (one per click, e.g. a UUID), so a retry
// after a dropped connection answers the same generations instead of paying twice.
const MAX_IDEMPOTENCY_KEY_CHARS = 200;
const KEY_REQUIRED = "An Idempotency-Key header is required: send a new unique value (such as a UUID) with each submit.";

const idempotencyKeySchema = z
  .string({ error: KEY_REQUIRED })
  .trim()
  .min(1, { error: KEY_REQUIRED })
  .regex(/^[\x21-\x7e]+$/, { error: "The Idempotency-Key header must be visible ASCII characters without spaces, such as a UUID." })
  .max(MAX_IDEMPOTENCY_KEY_CHARS, { error: `An Idempotency-Key of 1 to ${MAX_IDEMPOTENCY_KEY_CHARS} characters is required.` });

/** The Idempotency-Key (the header's value, null when it is missing), or a 400 that says what is wrong. */
export function parseIdempotencyKey(value: string | null): string {
  const key = idempotencyKeySchema.safeParse(value);
  if (!key.success) throw new ApiError("bad_request", key.error.issues[0]!.message);
  return key.data;
}
