import Link from "next/link";
import { useStudioMode } from "@/components/studio-mode";
import { chargeDisplay } from "@/lib/money";
import { explainJob, type JobExplanation } from "./explain-job";
import { progressWording, type ProgressWording } from "./progress-wording";
import { trackHref, type StudioTrack } from "./track-api";
import { TrackPlayButton } from "./track-play-button";
import { isActive, type Job } from "./use-jobs";
import { useNow } from "./use-now";

const TONE_STYLES: Record<JobExplanation["tone"], { border: string; text: string }> = {
  working: { border: "border-l-accent-500 dark:border-l-accent-500", text: "text-zinc-600 dark:text-zinc-300" },
  waiting: { border: "border-l-amber-500 dark:border-l-amber-500", text: "text-amber-800 dark:text-amber-300" },
  ready: { border: "border-l-emerald-500 dark:border-l-emerald-500", text: "text-emerald-700 dark:text-emerald-400" },
  failed: { border: "border-l-red-500 dark:border-l-red-500", text: "text-red-700 dark:text-red-400" },
  warning: { border: "border-l-amber-500 dark:border-l-amber-500", text: "text-amber-800 dark:text-amber-300" },
};

type Props = {
  job: Job;
  /** "Take 2", shown when the batch has more than one take; null for a single take. */
  takeLabel: string | null;
  /** The take's track once it is finished and read, with the batch's finished takes to play on. */
  track: StudioTrack | undefined;
  queue: StudioTrack[];
  onUsePrompt: (prompt: string) => void;
};

/** One take of a batch in the jobs panel: where it stands, what went wrong (and its money) if it failed, and once finished, play and its page. */
export function JobCard({ job, takeLabel, track, queue, onUsePrompt }: Props) {
  const running = isActive(job);
  const now = useNow(running);
  const progress = running ? progressWording(job, now) : null;
  const explanation = explainJob(job, useStudioMode());
  const tone = TONE_STYLES[explanation.tone];
  // Names the take in its controls: "Take 2 of <title>", or the title alone.
  const name = takeLabel ? `${takeLabel} of ${job.title}` : job.title;
  return (
    <li data-testid="job" data-status={job.status} data-tone={explanation.tone} className={`border-l-4 py-1 pl-3 ${tone.border}`}>
      <div className="flex items-center gap-3">
        {track ? <TrackPlayButton track={track} queue={queue} name={name} /> : null}
        <p className="min-w-0 flex-1 text-sm">
          {/* The title is the batch's heading; said again here for whoever lands on the take alone. */}
          {takeLabel ? (
            <>
              <span className="font-medium">{takeLabel}</span>
              <span className="sr-only"> of {job.title}:</span>
              <span aria-hidden> · </span>
            </>
          ) : (
            <span className="sr-only">{job.title}: </span>
          )}
          <span data-testid="job-state" className={`font-medium ${tone.text}`}>{explanation.title}</span>
          {progress?.time ? (
            <span data-testid="job-time" className="text-xs text-zinc-500 dark:text-zinc-400">
              {` · ${progress.time}`}
            </span>
          ) : null}
        </p>
        {job.status === "completed" && job.trackId ? (
          <Link
            href={trackHref(job.trackId)}
            className="shrink-0 rounded-md px-1 text-sm font-medium text-accent-700 underline-offset-2 hover:underline dark:text-accent-400"
          >
            Open<span className="sr-only"> {name}</span>
          </Link>
        ) : null}
      </div>
      {progress ? <ProgressBar progress={progress} name={name} /> : null}
      {explanation.detail ? (
        <p data-testid="job-detail" className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
          {explanation.detail}
        </p>
      ) : null}
      {explanation.money ? (
        <p
          data-testid="job-money"
          data-money-spent={explanation.moneySpent}
          title={chargeDisplay(job.quotedUsd).title}
          className="mt-1 text-xs text-zinc-500 dark:text-zinc-400"
        >
          {explanation.money}
        </p>
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

/** The bar of a job in flight; past the expected time it claims no share: full width, pulsing. */
function ProgressBar({ progress, name }: { progress: ProgressWording; name: string }) {
  const { percent, valueText } = progress;
  return (
    <div
      role="progressbar"
      aria-label={`Progress of ${name}`}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent ?? undefined}
      aria-valuetext={valueText}
      data-overdue={percent === null || undefined}
      className="mt-2 h-1.5 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
    >
      <div
        className={`h-full rounded-full bg-accent-500 transition-[width] duration-700 ${percent === null ? "opacity-70 motion-safe:animate-pulse" : ""}`}
        // A sliver shows even at 0%: the job has started.
        style={{ width: `${percent === null ? 100 : Math.max(3, percent)}%` }}
      />
    </div>
  );
}
