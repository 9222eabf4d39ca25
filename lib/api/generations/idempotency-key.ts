import { ApiError } from "@/lib/api/errors";

// Every submit carries the client's Idempotency-Key (one per click, e.g. a UUID), so a retry
// after a dropped connection returns the same generations instead of paying twice. Its
// length limit is the lifecycle's (lib/generations/submit.ts).
const VISIBLE_ASCII = /^[\x21-\x7e]+$/;

export function idempotencyKeyOf(request: Request): string {
  const key = request.headers.get("idempotency-key")?.trim();
  if (!key) {
    throw new ApiError("bad_request", "An Idempotency-Key header is required: send a new unique value (such as a UUID) with each submit.");
  }
  if (!VISIBLE_ASCII.test(key)) {
    throw new ApiError("bad_request", "The Idempotency-Key header must be visible ASCII characters without spaces, such as a UUID.");
  }
  return key;
}
