"use client";

import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import { Toast, type ToastMessage } from "@/components/toast";
import { JobCard } from "./job-card";
import { NotifyOffer } from "./notify-offer";
import { useAwayAlerts } from "./use-away-alerts";
import type { useJobs } from "./use-jobs";
import { useTracksReady } from "./use-tracks-ready";

type Jobs = ReturnType<typeof useJobs>;

export function JobsInFlight({ jobs, onUsePrompt }: { jobs: Jobs; onUsePrompt: (prompt: string) => void }) {
  const router = useRouter();
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const dismissToast = useCallback(() => setToast(null), []);
  const alertAway = useAwayAlerts();
  useTracksReady(jobs.jobs, (ready) => {
    const [only] = ready;
    setToast({
      id: Date.now(),
      text: ready.length === 1 && only ? `“${only.title}” is ready.` : `${ready.length} tracks are ready.`,
      action: { label: "Open the library", run: () => router.push("/library") },
    });
    alertAway(ready);
  });

  return (
    <section aria-labelledby="jobs-heading" className="space-y-3">
      <h2 id="jobs-heading" className="text-lg font-semibold">
        Jobs in flight
      </h2>
      {/* Offered once there are jobs to follow, never on an empty page. */}
      {jobs.jobs.length > 0 ? <NotifyOffer /> : null}
      {jobs.jobs.length === 0 ? (
        <p className="rounded-xl border border-dashed border-zinc-300 p-4 text-sm text-zinc-500 dark:border-zinc-700 dark:text-zinc-400">
          {jobs.loading ? "Loading…" : "Nothing is being made right now. Your tracks show up here while Venice works on them."}
        </p>
      ) : (
        <ul className="space-y-2">
          {jobs.jobs.map((job) => (
            <JobCard key={job.id} job={job} onUsePrompt={onUsePrompt} onDismiss={() => jobs.dismiss(job.id)} />
          ))}
        </ul>
      )}
      <Toast toast={toast} onDismiss={dismissToast} />
    </section>
  );
}
