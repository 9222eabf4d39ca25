import type { Prisma } from "@/lib/db/generated/client";
import type { GenerationRequest } from "@/lib/venice/generation-request";
import { parseQueueBody } from "@/lib/venice/schemas";

/**
 * The settings of a generation's stored /audio/queue body, as the create form takes them: the
 * model is its own column, and Venice's body may carry the duration as a string of digits.
 * Null for a row written by an older studio whose request no longer fits today's shape.
 */
export function storedRequest(request: Prisma.JsonValue): GenerationRequest | null {
  const stored = parseQueueBody(request);
  if (!stored) return null;
  const { model: _sentModel, duration_seconds, ...settings } = stored;
  return duration_seconds === undefined ? settings : { ...settings, duration_seconds: Number(duration_seconds) };
}
