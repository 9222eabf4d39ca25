import Link from "next/link";
import { isActive, type Job } from "./use-jobs";

const STATUS_LABELS: Record<string, string> = {
  pending: "Sending to Venice",
  queued: "Waiting in Venice's queue",
  processing: "Making the track",
  downloaded: "Saving to the library",
  completed: "Ready",
  failed: "Failed",
  expired: "Expired",
  uncertain: "Unknown outcome",
};

function eta(ms: number | null): string {
  if (ms === null) return "";
  const seconds = Math.max(1, Math.round(ms / 1000));
  return seconds < 60 ? `about ${seconds} s left` : `about ${Math.round(seconds / 60)} min left`;
}

export function JobCard({ job, onUsePrompt, onDismiss }: { job: Job; onUsePrompt: (prompt: string) => void; onDismiss: () => void }) {
  const running = isActive(job);
  const percent = Math.round(job.progress * 100);
  return (
    <li data-testid="job" data-status={job.status} className="rounded-xl border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900/60">
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="truncate font-medium">{job.title}</p>
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            {job.model} · {STATUS_LABELS[job.status] ?? job.status}
            {running && job.etaMs !== null ? ` · ${eta(job.etaMs)}` : ""}
          </p>
        </div>
        {running ? null : (
          <button type="button" onClick={onDismiss} className="shrink-0 rounded-md px-2 py-1 text-xs text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800">
            Dismiss<span className="sr-only"> {job.title}</span>
          </button>
        )}
      </div>
      {running ? (
        <div role="progressbar" aria-label={`Progress of ${job.title}`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} className="mt-2 h-1.5 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800">
          <div className="h-full rounded-full bg-accent-500 transition-[width] duration-700" style={{ width: `${Math.max(3, percent)}%` }} />
        </div>
      ) : null}
      {job.status === "completed" ? (
        <Link href="/library" className="mt-2 inline-block text-sm font-medium text-accent-700 underline-offset-2 hover:underline dark:text-accent-400">
          Open in the library
        </Link>
      ) : null}
      {job.error ? (
        <div className="mt-2 space-y-2 text-sm">
          <p className="text-red-700 dark:text-red-400">{job.error.message}</p>
          {job.error.suggestedPrompt ? (
            <div className="rounded-lg bg-zinc-100 p-2 dark:bg-zinc-800">
              <p className="text-xs text-zinc-500 dark:text-zinc-400">Venice suggests:</p>
              <p data-testid="suggested-prompt" className="italic">{job.error.suggestedPrompt}</p>
              <button type="button" onClick={() => onUsePrompt(job.error!.suggestedPrompt!)} className="mt-2 rounded-md bg-accent-600 px-3 py-1 text-xs font-semibold text-white hover:bg-accent-700">
                Use this prompt
              </button>
            </div>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
