"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import { Toast, type ToastMessage } from "@/components/toast";
import { JobBatchCard } from "./job-batch-card";
import { NotifyOffer } from "./notify-offer";
import { PlayWhenReadyToggle } from "./play-when-ready-toggle";
import { readyAnnouncement } from "./ready-announcement";
import { recentTracksKey } from "./track-api";
import { useAwayAlerts } from "./use-away-alerts";
import { useGathered } from "./use-gathered";
import type { Job, useJobs } from "./use-jobs";
import { useTracksReady } from "./use-tracks-ready";

type Jobs = ReturnType<typeof useJobs>;

/** How long after a track gets ready others may join its toast. */
const GATHER_READY_MS = 1_500;

type Props = {
  memberId: string;
  jobs: Jobs;
  modelName: (id: string) => string;
  onUsePrompt: (prompt: string) => void;
};

/** The jobs panel: each submit as one card with its takes, live until done, kept until dismissed. */
export function JobsInFlight({ memberId, jobs, modelName, onUsePrompt }: Props) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const dismissToast = useCallback(() => setToast(null), []);
  const alertAway = useAwayAlerts();
  // Tracks that finish within a moment of each other get one toast ("3 tracks are ready").
  const announce = useGathered<Job>((ready) => {
    const { text, action } = readyAnnouncement(ready);
    setToast({ id: Date.now(), text, action: { label: action.label, run: () => router.push(action.href) } });
  }, GATHER_READY_MS);
  useTracksReady(jobs.jobs, jobs.restored, (ready) => {
    announce(ready);
    alertAway(ready);
    void queryClient.invalidateQueries({ queryKey: recentTracksKey(memberId) });
  });

  return (
    <section aria-labelledby="jobs-heading" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1">
        <h2 id="jobs-heading" className="text-lg font-semibold">
          Jobs in flight
        </h2>
        <PlayWhenReadyToggle on={jobs.playWhenReady.on} onChange={jobs.playWhenReady.set} />
      </div>
      {/* Offered once there are jobs to follow, never on an empty page. */}
      {jobs.jobs.length > 0 ? <NotifyOffer /> : null}
      {jobs.batches.length === 0 ? (
        <p className="rounded-xl border border-dashed border-zinc-300 p-4 text-sm text-zinc-500 dark:border-zinc-700 dark:text-zinc-400">
          {jobs.loading ? "Loading…" : "Nothing is being made right now. Your tracks show up here while Venice works on them."}
        </p>
      ) : (
        <ul className="space-y-2">
          {jobs.batches.map((batch) => (
            <JobBatchCard
              key={batch.batchId}
              batch={batch}
              modelName={modelName}
              autoplay={jobs.armed.has(batch.batchId)}
              onAutoplayed={() => jobs.disarm(batch.batchId)}
              onUsePrompt={onUsePrompt}
              onDismiss={() => jobs.dismiss(batch)}
            />
          ))}
        </ul>
      )}
      <Toast toast={toast} onDismiss={dismissToast} />
    </section>
  );
}
