"use client";

import Link from "next/link";
import { trackHref } from "./track-api";
import type { AwayNews } from "./use-away-notice";

// Links to at most this many of the tracks; the count says how many there are.
const MAX_LINKS = 4;

/** "2 tracks finished while you were away", with a link to each, until dismissed. */
export function AwayNotice({ news, onDismiss }: { news: AwayNews; onDismiss: () => void }) {
  const count = news.tracks.length;
  const shown = news.tracks.slice(0, MAX_LINKS);
  const text = count === 1 && !news.more ? "1 track finished while you were away" : `${count}${news.more ? "+" : ""} tracks finished while you were away`;
  return (
    <div
      role="status"
      data-testid="away-notice"
      className="flex items-start gap-3 rounded-xl border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900 dark:border-emerald-900/60 dark:bg-emerald-950/40 dark:text-emerald-200"
    >
      <div className="min-w-0 flex-1">
        <p className="font-medium">{text}</p>
        <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {shown.map((track) => (
            <li key={track.id} className="min-w-0 max-w-full truncate">
              <Link href={trackHref(track.id)} className="rounded-md underline underline-offset-2 hover:no-underline">
                {track.takeCount > 1 ? `${track.title}, take ${track.takeNumber}` : track.title}
              </Link>
            </li>
          ))}
          {count > shown.length ? <li>and {count - shown.length} more</li> : null}
        </ul>
      </div>
      {/* A 36 px target; the negative margins keep the notice's padding as it was. */}
      <button
        type="button"
        onClick={onDismiss}
        aria-label="Dismiss the news"
        title="Dismiss"
        className="-my-1.5 -mr-2.5 inline-flex size-9 shrink-0 items-center justify-center rounded-full opacity-80 hover:bg-emerald-100 hover:opacity-100 dark:hover:bg-emerald-900/60"
      >
        <svg aria-hidden viewBox="0 0 24 24" className="size-5 fill-none stroke-current stroke-2"><path d="M6 6l12 12M18 6L6 18" /></svg>
      </button>
    </div>
  );
}
