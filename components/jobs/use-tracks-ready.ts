import { useEffect, useRef } from "react";
import type { Job } from "./use-jobs";

/**
 * Calls `onReady` with the jobs that completed since this page last looked. A job seen for
 * the first time already completed counts too: it was submitted here and finished before
 * its first answer; except one this page found remembered (`restored`) when it opened, which
 * finished while the page was away and is not news now.
 */
export function useTracksReady(jobs: Job[], restored: ReadonlySet<string>, onReady: (ready: Job[]) => void) {
  const seen = useRef(new Map<string, Job["status"]>());
  const latestOnReady = useRef(onReady);
  useEffect(() => {
    latestOnReady.current = onReady;
  });
  useEffect(() => {
    const ready = jobs.filter((job) => {
      const before = seen.current.get(job.id) ?? (restored.has(job.id) ? job.status : undefined);
      return job.status === "completed" && before !== "completed";
    });
    for (const job of jobs) seen.current.set(job.id, job.status);
    if (ready.length > 0) latestOnReady.current(ready);
  }, [jobs, restored]);
}
