import Link from "next/link";
import { formatTime } from "@/components/player/format-time";

type Props = {
  trackId: string;
  title: string;
  time: number;
  duration: number;
  /** What the keeper key last did, or "". */
  status: string;
};

/** The bar's title (linked to the track's page), the playhead and length, and the keeper's status line. */
export function NowPlaying({ trackId, title, time, duration, status }: Props) {
  return (
    <div className="min-w-0 flex-1 lg:w-56 lg:flex-none xl:w-72">
      <Link href={`/tracks/${trackId}`} title={title} className="block truncate text-sm font-medium hover:underline">
        {title}
      </Link>
      {/* The keeper's status shares the time's line, so the bar keeps its height when it speaks.
          A phone has no room for it beside the time (the take chip's check says it already):
          there it is for screen readers only. */}
      <p className="flex min-w-0 items-baseline gap-2 text-xs">
        <span className="shrink-0 font-mono text-zinc-600 tabular-nums dark:text-zinc-400">
          <span data-testid="player-current-time">{formatTime(time)}</span>
          <span aria-hidden> / </span>
          <span className="sr-only"> of </span>
          <span data-testid="player-duration">{formatTime(duration)}</span>
        </span>
        <span role="status" title={status || undefined} className="sr-only min-w-0 text-accent-700 sm:not-sr-only dark:text-accent-100">
          <span className="block truncate">{status}</span>
        </span>
      </p>
    </div>
  );
}
