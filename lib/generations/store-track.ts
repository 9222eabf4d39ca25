import { computePeaks } from "@/lib/audio/peaks";
import { Prisma, type Generation } from "@/lib/db/generated/client";
import { settleCharge } from "@/lib/spend/settle-charge";
import type { RetrieveResult } from "@/lib/venice/client";
import { parseQueueBody } from "@/lib/venice/schemas";
import { NO_FAILURES } from "./job-updates";
import { transition } from "./state-machine";
import type { WorkerContext } from "./worker-context";

type FinishedAudio = Extract<RetrieveResult, { status: "DONE" }>;

function storageKeyOf(generationId: string, format: FinishedAudio["format"]): string {
  return `tracks/${generationId}.${format}`;
}

/**
 * queued|processing → downloaded: streams the finished audio to storage (durable and
 * checksummed before `put` resolves), computes its waveform and loudness from the stored
 * file in one decode, then creates the Track, moves the job and settles a charge held for a
 * reserved length (Seed Audio, settle-charge.ts) in one transaction. A crash
 * or a failed download at any point before the commit leaves the job as it was, to be
 * fetched again; the storage key is fixed, so a retry replaces the earlier file. Resolves
 * false when another worker stored it first.
 */
export async function storeTrack(ctx: WorkerContext, job: Generation, audio: FinishedAudio): Promise<boolean> {
  const key = storageKeyOf(job.id, audio.format);
  const stored = await ctx.storage.put(key, audio.body);
  const waveform = await computePeaks(await ctx.storage.read(key), audio.format);
  const finishedAt = new Date();
  // Venice's own measure of the job when it sends one; the studio's view includes polling delay.
  const executionMs =
    audio.inferenceTimeSeconds !== undefined
      ? Math.round(audio.inferenceTimeSeconds * 1000)
      : finishedAt.getTime() - (job.queuedAt ?? job.createdAt).getTime();
  // The request was checked by queueStep before it was queued, so it parses here.
  const body = parseQueueBody(job.request);
  if (!body) throw new Error(`generation ${job.id}: its stored request no longer parses`);
  const { prompt } = body;
  const lyrics = body.lyrics_prompt || null;

  try {
    return await ctx.prisma.$transaction(async (tx) => {
      await tx.track.create({
        data: {
          generationId: job.id,
          batchId: job.batchId,
          takeIndex: job.takeIndex,
          title: job.title,
          prompt,
          lyrics,
          model: job.model,
          format: audio.format,
          bytes: stored.bytes,
          durationMs: waveform.durationMs,
          sha256: stored.sha256,
          storageKey: stored.key,
          peaks: waveform.peaks,
          loudnessLufs: waveform.loudnessLufs,
          creatorId: job.creatorId,
        },
      });
      const moved = await transition(tx, job.id, ["queued", "processing"], "downloaded", {
        finishedAt,
        executionMs,
        retrieveCalls: { increment: 1 },
        ...NO_FAILURES,
      });
      if (!moved) throw new LostRace();
      await settleCharge(tx, job, audio.audioDurationSeconds);
      return true;
    });
  } catch (error) {
    const duplicate = error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
    if (error instanceof LostRace || duplicate) return false;
    throw error;
  }
}

class LostRace extends Error {}
