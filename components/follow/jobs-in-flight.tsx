"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { JobCard } from "./job-card";
import type { useJobs } from "./use-jobs";

type Jobs = ReturnType<typeof useJobs>;

export function JobsInFlight({ jobs, onUsePrompt }: { jobs: Jobs; onUsePrompt: (prompt: string) => void }) {
  const toast = useCompletionToast(jobs.jobs);
  return (
    <section aria-labelledby="jobs-heading" className="space-y-3">
      <h2 id="jobs-heading" className="text-lg font-semibold">
        Jobs in flight
      </h2>
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
      <div aria-live="polite" className="fixed inset-x-4 bottom-4 z-10 flex justify-center sm:inset-x-auto sm:right-6">
        {toast ? (
          <p role="status" className="rounded-xl bg-zinc-900 px-4 py-3 text-sm text-white shadow-lg dark:bg-zinc-100 dark:text-zinc-900">
            “{toast}” is ready.{" "}
            <Link href="/library" className="font-semibold underline">
              Open the library
            </Link>
          </p>
        ) : null}
      </div>
    </section>
  );
}

const TOAST_MS = 6000;

/** The title of the job that just completed, for a few seconds. */
function useCompletionToast(list: Jobs["jobs"]): string | null {
  const seen = useRef(new Map<string, string>());
  const [toast, setToast] = useState<string | null>(null);
  useEffect(() => {
    for (const job of list) {
      const before = seen.current.get(job.id);
      seen.current.set(job.id, job.status);
      if (job.status === "completed" && before !== undefined && before !== "completed") setToast(job.title);
    }
  }, [list]);
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), TOAST_MS);
    return () => clearTimeout(timer);
  }, [toast]);
  return toast;
}
