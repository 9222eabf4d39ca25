import { useEffect, useRef } from "react";
import type { Job } from "./use-jobs";

/**
 * Calls `onReady` with the jobs that completed since this page last looked. A job seen for
 * the first time already completed counts too: it was submitted here and finished before
 * its first answer (reloaded pages only pick up jobs still in flight).
 */
export function useTracksReady(jobs: Job[], onReady: (ready: Job[]) => void) {
  const seen = useRef(new Map<string, Job["status"]>());
  const latestOnReady = useRef(onReady);
  useEffect(() => {
    latestOnReady.current = onReady;
  });
  useEffect(() => {
    const ready = jobs.filter((job) => job.status === "completed" && seen.current.get(job.id) !== "completed");
    for (const job of jobs) seen.current.set(job.id, job.status);
    if (ready.length > 0) latestOnReady.current(ready);
  }, [jobs]);
}
