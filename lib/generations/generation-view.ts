import type { GenerationStatus, Prisma, PrismaClient } from "@/lib/db/generated/client";
import { reservedDurationSeconds } from "@/lib/venice/capabilities";
import type { FailureKind } from "./job-updates";
import { progressOf } from "./progress";
import type { RateBudgetName } from "./rate-budget";
import { ACTIVE_STATUSES } from "./state-machine";

// A generation as the studio shows it: where the job stands, why it ended without a track,
// what it cost, and the track once it is stored.

/** Why a job in flight is waiting to try again, and in how long (ms). */
export type GenerationRetry =
  /** Venice answered 429: no call of this kind from the studio until its Retry-After has passed. */
  | { reason: "rate_limited"; inMs: number }
  /** The last attempt failed; `failures` in a row of this kind so far. */
  | { reason: FailureKind; failures: number; inMs: number };

export type GenerationView = {
  id: string;
  batchId: string;
  status: GenerationStatus;
  model: string;
  title: string;
  /** 0..1; 1 once the audio is stored. */
  progress: number;
  /** Expected ms until Venice finishes, or null when unknown or no longer running. */
  etaMs: number | null;
  error: { code: string; message: string; suggestedPrompt: string | null } | null;
  /** Set while the job is held back by a problem the worker expects to get past. */
  retry: GenerationRetry | null;
  /** Venice's quote for this take, USD: what Venice charges when it accepts the job. */
  quotedUsd: number;
  /** Venice holds the quote (a reserved length) and settles on the track's real length (Seed Audio). */
  settlesOnLength: boolean;
  /** What Venice settled on once the track is stored (settledCharges); null until then, and for every other model. */
  settledUsd: number | null;
  /** Venice accepted (queued) the job, which is when it charges; refunded if the generation fails. */
  acceptedByVenice: boolean;
  /** Set once the audio is stored (downloaded or completed). */
  trackId: string | null;
  createdAt: Date;
};

/** What a query must include for toGenerationView, besides the generation's own columns. */
export const generationViewInclude = { track: { select: { id: true } } } satisfies Prisma.GenerationInclude;

type GenerationViewRow = Prisma.GenerationGetPayload<{ include: typeof generationViewInclude }>;

/** Until when each paused Venice call budget stays paused (after a 429). */
export type RatePauses = Partial<Record<RateBudgetName, Date>>;

/** The budgets paused at `now`: one small read, shared by every view built with it. */
export async function readRatePauses(prisma: PrismaClient, now: number): Promise<RatePauses> {
  const paused = await prisma.veniceRateBudget.findMany({
    where: { pausedUntil: { gt: new Date(now) } },
    select: { name: true, pausedUntil: true },
  });
  return Object.fromEntries(paused.map((budget) => [budget.name, budget.pausedUntil]));
}

// The Venice call each status waits to make, and so the budget a 429 pauses it on.
const BUDGET_OF_NEXT_CALL: Partial<Record<GenerationStatus, RateBudgetName>> = {
  pending: "queue",
  queued: "retrieve",
  processing: "retrieve",
};

const ACTIVE: ReadonlySet<GenerationStatus> = new Set(ACTIVE_STATUSES);

/** `settled`: settledCharges of the jobs viewed. */
export function toGenerationView(job: GenerationViewRow, now: number, ratePauses: RatePauses, settled: ReadonlyMap<string, number>): GenerationView {
  return {
    id: job.id,
    batchId: job.batchId,
    status: job.status,
    model: job.model,
    title: job.title,
    ...progressOf(job, now),
    error:
      job.errorCode && job.errorMessage
        ? { code: job.errorCode, message: job.errorMessage, suggestedPrompt: job.suggestedPrompt }
        : null,
    retry: retryOf(job, now, ratePauses),
    quotedUsd: job.quotedUsd.toNumber(),
    settlesOnLength: reservedDurationSeconds(job.model) !== undefined,
    settledUsd: settled.get(job.id) ?? null,
    acceptedByVenice: job.queueId !== null,
    trackId: job.track?.id ?? null,
    createdAt: job.createdAt,
  };
}

function retryOf(job: GenerationViewRow, now: number, ratePauses: RatePauses): GenerationRetry | null {
  if (!ACTIVE.has(job.status)) return null;
  const dueAt = job.nextAttemptAt.getTime();
  const budget = BUDGET_OF_NEXT_CALL[job.status];
  const pausedUntil = budget && ratePauses[budget]?.getTime();
  if (pausedUntil && pausedUntil > now) return { reason: "rate_limited", inMs: Math.max(pausedUntil, dueAt) - now };
  // Only retryLater writes failureKind, always with a FailureKind; a success clears it.
  if (job.failureKind) return { reason: job.failureKind as FailureKind, failures: job.attempts, inMs: Math.max(0, dueAt - now) };
  return null;
}
