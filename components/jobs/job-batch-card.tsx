"use client";

import { useEffect, useEffectEvent } from "react";
import { usePlayer } from "@/components/player/player-context";
import { explainBatch } from "./explain-batch";
import { JobCard } from "./job-card";
import { useBatchTakes } from "./use-batch-takes";
import { isActive, type JobBatch } from "./use-jobs";

type Props = {
  batch: JobBatch;
  modelName: (id: string) => string;
  /** Submitted while "play when ready" was on: its first finished take plays, then `onAutoplayed`. */
  autoplay: boolean;
  onAutoplayed: () => void;
  onUsePrompt: (prompt: string) => void;
  onDismiss: () => void;
};

/** One submit in the jobs panel: its title, its takes ("Take 1", "Take 2"…), its money told once, and once all ended, Dismiss. */
export function JobBatchCard({ batch, modelName, autoplay, onAutoplayed, onUsePrompt, onDismiss }: Props) {
  const player = usePlayer();
  const takes = useBatchTakes(batch);
  const [first] = batch.jobs;
  const count = batch.jobs.length;
  const ended = !batch.jobs.some(isActive);
  const finished = batch.jobs.filter((job) => job.status === "completed").length;
  const title = first?.title ?? "";
  const summary = explainBatch(batch.jobs);

  // Once the first finished take is read: it plays, with the batch's finished takes as the queue.
  const firstTakeId = takes[0]?.id;
  const playFirstTake = useEffectEvent(() => {
    player.play(takes[0]!, { queue: takes });
    onAutoplayed();
  });
  useEffect(() => {
    if (autoplay && firstTakeId) playFirstTake();
  }, [autoplay, firstTakeId]);

  return (
    <li
      data-testid="job-batch"
      data-batch-id={batch.batchId}
      className="rounded-xl border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900/60"
    >
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <h3 className="truncate font-medium" title={title}>{title}</h3>
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            {first ? modelName(first.model) : null}
            {count > 1 ? ` · ${count} takes${finished > 0 ? `, ${finished} ready` : ""}` : null}
          </p>
        </div>
        {ended ? (
          <button
            type="button"
            onClick={onDismiss}
            className="shrink-0 rounded-md px-2 py-1 text-xs text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800"
          >
            Dismiss<span className="sr-only"> {title}</span>
          </button>
        ) : null}
      </div>
      <ul aria-label={count > 1 ? `Takes of ${title}` : title} className="mt-2 space-y-2">
        {batch.jobs.map((job, index) => {
          const track = takes.find((take) => take.generationId === job.id);
          return (
            <JobCard
              key={job.id}
              job={job}
              takeLabel={count > 1 ? `Take ${track?.takeNumber ?? index + 1}` : null}
              track={track}
              queue={takes}
              onUsePrompt={onUsePrompt}
            />
          );
        })}
      </ul>
      {summary.text ? (
        <p data-testid="batch-money" data-money-spent={summary.moneySpent} title={summary.title} className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">
          {summary.text}
        </p>
      ) : null}
    </li>
  );
}
