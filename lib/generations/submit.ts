import "server-only";
import { randomUUID } from "node:crypto";
import { checkSpendCaps } from "@/lib/spend/check-spend-caps";
import { lockSpendCaps } from "@/lib/spend/lock-spend-caps";
import { ApiError } from "@/lib/errors";
import { env } from "@/lib/env";
import { balanceRefusal } from "@/lib/failure-wording";
import { calendarMonthOf } from "@/lib/spend/calendar-month";
import { Prisma, type GenerationStatus, type PrismaClient } from "@/lib/db/generated/client";
import { toQueueBody, toQuoteBody } from "@/lib/venice/generation-request";
import { resolveDependencies, type GenerationDependencies } from "./dependencies";
import { notifyGenerationEvent } from "./events";
import { readBalanceUsd } from "./read-balance";
import { timesTakes } from "./quote";
import { submissionHash } from "./submission-hash";
import { parseIdempotencyKey, validateTakes } from "./submit-input";
import { titleFromPrompt } from "./track-title";
import { validateDraft } from "./validate-draft";

export type SubmitGenerationInput = {
  model: string;
  /** The form's request fields, validated here against the model. */
  draft: unknown;
  /** 1..4 variations of the same request, one Venice job each. */
  takes: number;
  /** The client's Idempotency-Key: the same key never queues twice. */
  idempotencyKey: string;
  creatorId: string;
};

export type SubmittedBatch = {
  batchId: string;
  generations: { id: string; status: GenerationStatus }[];
  /** Venice's quote for all takes together, USD. */
  quotedUsd: number;
};

/** How long a submit may wait for a database connection, and run its transaction. */
const SUBMIT_WAIT_MS = 15_000;

/**
 * Records a paid request as `takes` pending generations, which the worker then queues on
 * Venice. Before anything is stored the draft is validated (400 with field errors), priced
 * by Venice's quote and, when Venice reports a balance, checked against it (402). Then, in
 * one transaction, the member's and the studio's monthly caps are checked (402) and the rows
 * are stored with one ledger charge per take, committed before any /audio/queue call, so a
 * crash can never lose a charged job. A repeated key with the same body answers the
 * generations it already made, charged once; with another body it is a conflict (409).
 */
export async function submitGeneration(
  input: SubmitGenerationInput,
  deps?: Partial<GenerationDependencies>,
): Promise<SubmittedBatch> {
  validateTakes(input.takes);
  const idempotencyKey = parseIdempotencyKey(input.idempotencyKey);
  const { prisma, venice, findModel, log } = await resolveDependencies(deps, ["prisma", "venice", "findModel", "log"]);
  const requestHash = submissionHash({ model: input.model, takes: input.takes, draft: input.draft });

  const earlier = await findBatch(prisma, idempotencyKey, requestHash);
  if (earlier) return earlier;

  const { model, request } = await validateDraft(findModel, input.model, input.draft);
  const usdPerTake = await venice.quote(toQuoteBody(model, request));
  const quotedUsd = timesTakes(usdPerTake, input.takes);
  checkBalance(quotedUsd, await readBalanceUsd({ venice, log }));

  const batchId = randomUUID();
  const queueBody = toQueueBody(model.id, request);
  const chargedAt = new Date();
  return prisma.$transaction(
    async (tx) => {
      const caps = await lockSpendCaps(tx, input.creatorId);
      // The same key submitted twice at once: the other submit took the locks first and has
      // committed its batch by now, so it is answered, not charged again.
      const winner = await findBatch(tx, idempotencyKey, requestHash);
      if (winner) return winner;
      await checkSpendCaps(tx, caps, input.creatorId, new Prisma.Decimal(quotedUsd), calendarMonthOf(chargedAt));

      const rows = await tx.generation.createManyAndReturn({
        data: Array.from({ length: input.takes }, (_, takeIndex) => ({
          batchId,
          takeIndex,
          model: model.id,
          request: queueBody,
          requestHash,
          title: titleFromPrompt(queueBody.prompt),
          quotedUsd: usdPerTake,
          idempotencyKey: takeKey(idempotencyKey, takeIndex),
          creatorId: input.creatorId,
          nextAttemptAt: chargedAt,
        })),
        select: { id: true, batchId: true, status: true, takeIndex: true },
      });
      // One charge per take, in the month the caps were checked against.
      await tx.ledgerEntry.createMany({
        data: rows.map((row) => ({ generationId: row.id, memberId: input.creatorId, model: model.id, quotedUsd: usdPerTake, createdAt: chargedAt })),
      });
      // Wakes the workers of every instance at once.
      for (const row of rows) await notifyGenerationEvent(tx, row);
      const generations = rows.sort((a, b) => a.takeIndex - b.takeIndex).map(({ id, status }) => ({ id, status }));
      return { batchId, generations, quotedUsd };
    },
    // Submits wait their turn for the cap locks; each holds them for a few statements only.
    { maxWait: SUBMIT_WAIT_MS, timeout: SUBMIT_WAIT_MS },
  );
}

function takeKey(idempotencyKey: string, takeIndex: number): string {
  return `${idempotencyKey}:${takeIndex}`;
}

/** The batch an earlier submit with this key made, or undefined; a different body is a conflict. */
async function findBatch(prisma: PrismaClient | Prisma.TransactionClient, idempotencyKey: string, requestHash: string): Promise<SubmittedBatch | undefined> {
  const first = await prisma.generation.findUnique({
    where: { idempotencyKey: takeKey(idempotencyKey, 0) },
    select: { batchId: true, requestHash: true, quotedUsd: true },
  });
  if (!first) return undefined;
  if (first.requestHash !== requestHash) {
    throw new ApiError("conflict", "This Idempotency-Key was already used for a different request. Use a new key for a new request.");
  }
  const takes = await prisma.generation.findMany({
    where: { batchId: first.batchId },
    orderBy: { takeIndex: "asc" },
    select: { id: true, status: true },
  });
  return {
    batchId: first.batchId,
    generations: takes,
    // Every take of a batch is stored with the same per-take quote.
    quotedUsd: timesTakes(first.quotedUsd.toNumber(), takes.length),
  };
}

/** Refuses a request the Venice balance cannot pay for; an unknown balance is not checked. */
function checkBalance(quotedUsd: number, balanceUsd: number | null): void {
  if (balanceUsd === null || balanceUsd >= quotedUsd) return;
  throw new ApiError("payment_required", balanceRefusal(env().mode, quotedUsd, balanceUsd));
}
