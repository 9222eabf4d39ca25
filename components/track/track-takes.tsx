import Link from "next/link";
import type { LibraryTrack } from "@/components/library/library-api";
import { KeeperBadge } from "@/components/library/take-list";
import { formatTime } from "@/components/player/format-time";

/** The batch's takes, each a link to its page: this one highlighted (aria-current), the keeper as the keeper. */
export function TrackTakes({ track, takes, className = "" }: { track: LibraryTrack; takes: readonly LibraryTrack[]; className?: string }) {
  if (takes.length < 2) return null;
  return (
    <nav aria-labelledby="track-takes" className={className}>
      <h3 id="track-takes" className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">Takes of this batch</h3>
      <ol className="mt-2 space-y-1">
        {takes.map((take) => {
          const current = take.id === track.id;
          return (
            <li key={take.id} data-testid="sibling-take" data-track-id={take.id} data-kept={take.kept}>
              <Link
                href={`/tracks/${take.id}`}
                aria-current={current ? "page" : undefined}
                className={`flex items-center gap-2 rounded-lg border px-3 py-2 text-sm whitespace-nowrap ${
                  current
                    ? "border-accent-400 bg-accent-50 font-semibold dark:border-accent-600 dark:bg-accent-700/15"
                    : "border-zinc-200 bg-white hover:bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900 dark:hover:bg-zinc-800"
                }`}
              >
                {/* This page's take: the highlight, and aria-current for screen readers. */}
                <span className="flex-1">Take {take.takeNumber}</span>
                {take.kept && <KeeperBadge />}
                <span className="font-mono text-xs text-zinc-600 tabular-nums dark:text-zinc-400">{formatTime(take.durationMs / 1000)}</span>
              </Link>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
