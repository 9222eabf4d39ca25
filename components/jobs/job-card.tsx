import Link from "next/link";
import { about, explainJob, type JobExplanation } from "./explain-job";
import { isActive, type Job } from "./use-jobs";

const TONE_STYLES: Record<JobExplanation["tone"], { border: string; text: string }> = {
  working: { border: "border-l-accent-500 dark:border-l-accent-500", text: "text-zinc-600 dark:text-zinc-300" },
  waiting: { border: "border-l-amber-500 dark:border-l-amber-500", text: "text-amber-800 dark:text-amber-300" },
  ready: { border: "border-l-emerald-500 dark:border-l-emerald-500", text: "text-emerald-700 dark:text-emerald-400" },
  failed: { border: "border-l-red-500 dark:border-l-red-500", text: "text-red-700 dark:text-red-400" },
  warning: { border: "border-l-amber-500 dark:border-l-amber-500", text: "text-amber-800 dark:text-amber-300" },
};

export function JobCard({ job, onUsePrompt, onDismiss }: { job: Job; onUsePrompt: (prompt: string) => void; onDismiss: () => void }) {
  const running = isActive(job);
  const percent = Math.round(job.progress * 100);
  const explanation = explainJob(job);
  const tone = TONE_STYLES[explanation.tone];
  // While the job waits to try again, the detail says when; an ETA would contradict it.
  const eta = running && !job.retry && job.etaMs !== null ? ` · ${about(job.etaMs)} left` : "";
  return (
    <li
      data-testid="job"
      data-status={job.status}
      data-tone={explanation.tone}
      className={`rounded-xl border border-l-4 border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900/60 ${tone.border}`}
    >
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="truncate font-medium">{job.title}</p>
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            {job.model} · <span data-testid="job-state" className={`font-medium ${tone.text}`}>{explanation.title}</span>
            {eta}
          </p>
        </div>
        {running ? null : (
          <button
            type="button"
            onClick={onDismiss}
            className="shrink-0 rounded-md px-2 py-1 text-xs text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800"
          >
            Dismiss<span className="sr-only"> {job.title}</span>
          </button>
        )}
      </div>
      {running ? (
        <div
          role="progressbar"
          aria-label={`Progress of ${job.title}`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          className="mt-2 h-1.5 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
        >
          <div className="h-full rounded-full bg-accent-500 transition-[width] duration-700" style={{ width: `${Math.max(3, percent)}%` }} />
        </div>
      ) : null}
      {explanation.detail ? (
        <p data-testid="job-detail" className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">
          {explanation.detail}
        </p>
      ) : null}
      <p data-testid="job-money" data-money-spent={explanation.moneySpent} className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
        {explanation.money}
      </p>
      {job.status === "completed" ? (
        <Link
          href="/library"
          className="mt-2 inline-block rounded-md text-sm font-medium text-accent-700 underline-offset-2 hover:underline dark:text-accent-400"
        >
          Open in the library
        </Link>
      ) : null}
      {job.error?.suggestedPrompt ? (
        <div className="mt-2 rounded-lg bg-zinc-100 p-2 text-sm dark:bg-zinc-800">
          <p className="text-xs text-zinc-600 dark:text-zinc-400">Venice suggests:</p>
          <p data-testid="suggested-prompt" className="italic">
            {job.error.suggestedPrompt}
          </p>
          <button
            type="button"
            onClick={() => onUsePrompt(job.error!.suggestedPrompt!)}
            className="mt-2 rounded-md bg-accent-600 px-3 py-1 text-xs font-semibold text-white hover:bg-accent-700"
          >
            Use this prompt
          </button>
        </div>
      ) : null}
    </li>
  );
}
