import { z } from "zod";
import { ApiError } from "@/lib/errors";

// Every submit carries the client's Idempotency-Key (one per click, e.g. a UUID), so a retry
// after a dropped connection returns the same generations instead of paying twice. Its
// length limit is the lifecycle's (lib/generations/submit.ts).
const REQUIRED = "An Idempotency-Key header is required: send a new unique value (such as a UUID) with each submit.";

const idempotencyKeySchema = z
  .string({ error: REQUIRED })
  .trim()
  .min(1, { error: REQUIRED })
  .regex(/^[\x21-\x7e]+$/, { error: "The Idempotency-Key header must be visible ASCII characters without spaces, such as a UUID." });

export function idempotencyKeyOf(request: Request): string {
  const key = idempotencyKeySchema.safeParse(request.headers.get("idempotency-key"));
  if (!key.success) throw new ApiError("bad_request", key.error.issues[0]!.message);
  return key.data;
}
