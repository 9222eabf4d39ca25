import type { Prisma } from "@/lib/db/generated/client";

// What the library shows of a generation that ended without a track (failed, expired or
// uncertain): what was asked, and the sentence the worker stored about what happened,
// which says whether money was spent.

export const endedGenerationSelect = {
  id: true,
  status: true,
  title: true,
  model: true,
  request: true,
  creatorId: true,
  createdAt: true,
  errorCode: true,
  errorMessage: true,
  suggestedPrompt: true,
} satisfies Prisma.GenerationSelect;

type EndedGenerationRow = Prisma.GenerationGetPayload<{ select: typeof endedGenerationSelect }>;

export type EndedGenerationView = ReturnType<typeof toEndedGenerationView>;

export function toEndedGenerationView({ request, createdAt, errorCode, errorMessage, suggestedPrompt, ...generation }: EndedGenerationRow) {
  return {
    ...generation,
    prompt: promptOf(request),
    createdAt: createdAt.toISOString(),
    error: errorCode && errorMessage ? { code: errorCode, message: errorMessage, suggestedPrompt } : null,
  };
}

/** The prompt of a stored request (Venice's /audio/queue body). */
function promptOf(request: Prisma.JsonValue): string {
  return request && typeof request === "object" && !Array.isArray(request) && typeof request.prompt === "string" ? request.prompt : "";
}
