"use client";

import Link from "next/link";
import { formatTime } from "@/components/player/format-time";
import { recentOutsidePanel } from "./recent-outside-panel";
import { trackHref, type StudioTrack, type TrackBatch } from "./track-api";
import { TrackPlayButton } from "./track-play-button";
import { useRecentTracks } from "./use-recent-tracks";

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const muted = "text-xs text-zinc-500 dark:text-zinc-400";
const link = "rounded-md underline-offset-2 hover:underline";
const emptyNote = "rounded-xl border border-dashed border-zinc-300 p-4 text-sm text-zinc-500 dark:border-zinc-700 dark:text-zinc-400";

type Props = {
  memberId: string;
  /** The batches on cards in the jobs panel (listed there, not here, until their card is dismissed); null until known. */
  panelBatchIds: readonly string[] | null;
};

/** Under the jobs: the member's recent tracks, a batch at a time, each take playable and linked to its page. */
export function RecentTracks({ memberId, panelBatchIds }: Props) {
  const recent = useRecentTracks(memberId);
  const all = recent.data?.batches;
  const batches = all && panelBatchIds && recentOutsidePanel(all, panelBatchIds);
  return (
    <section aria-labelledby="recent-heading" className="space-y-3">
      <div className="flex items-baseline justify-between gap-3">
        <h2 id="recent-heading" className="text-lg font-semibold">Your recent tracks</h2>
        <Link href={`/library?creator=${encodeURIComponent(memberId)}`} className={`text-sm font-medium text-accent-700 dark:text-accent-400 ${link}`}>
          All your tracks
        </Link>
      </div>
      {recent.isError ? (
        <p role="alert" className="rounded-xl border border-red-200 bg-red-50 p-4 text-sm text-red-800 dark:border-red-900/60 dark:bg-red-950/30 dark:text-red-300">
          Your recent tracks could not be loaded: {recent.error.message}
        </p>
      ) : !batches ? (
        <p className={emptyNote}>Loading…</p>
      ) : batches.length === 0 ? (
        <p className={emptyNote}>
          {all?.length === 0
            ? "No tracks yet. What you create shows up here once it is ready."
            : "Your newest tracks are on their cards under Jobs in flight; a dismissed card's tracks move here."}
        </p>
      ) : (
        <ul className="space-y-2">
          {batches.map((batch) => (
            <RecentBatch key={batch.batchId} batch={batch} />
          ))}
        </ul>
      )}
    </section>
  );
}

function RecentBatch({ batch: { batchId, tracks } }: { batch: TrackBatch }) {
  const [first] = tracks;
  if (!first) return null;
  const when = <time dateTime={first.createdAt}>{dateFormat.format(new Date(first.createdAt))}</time>;
  const single = tracks.length === 1;
  return (
    <li
      data-testid="recent-batch"
      data-batch-id={batchId}
      className="rounded-xl border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900/60"
    >
      <div className="flex items-center gap-3">
        {single ? <TrackPlayButton track={first} queue={tracks} name={first.title} /> : null}
        <div className="min-w-0 flex-1">
          <h3 className="truncate text-sm font-medium" title={first.title}>
            <Link href={trackHref(first.id)} className={link}>{first.title}</Link>
          </h3>
          <p className={muted}>
            {single ? `${formatTime(first.durationMs / 1000)} · ` : `${tracks.length} takes · `}
            {when}
          </p>
        </div>
      </div>
      {single ? null : (
        <ul aria-label={`Takes of ${first.title}`} className="mt-2 flex flex-wrap gap-2">
          {tracks.map((take) => (
            <RecentTake key={take.id} take={take} batch={tracks} />
          ))}
        </ul>
      )}
    </li>
  );
}

function RecentTake({ take, batch }: { take: StudioTrack; batch: StudioTrack[] }) {
  const label = `Take ${take.takeNumber}`;
  return (
    <li className="flex items-center gap-2 rounded-full border border-zinc-200 py-0.5 pl-0.5 pr-3 text-sm dark:border-zinc-700">
      <TrackPlayButton track={take} queue={batch} name={`${label} of ${take.title}`} size="small" />
      <Link href={trackHref(take.id)} className={`font-medium ${link}`}>
        {label}
        <span className="sr-only"> of {take.title}</span>
      </Link>
      <span className={muted}>{formatTime(take.durationMs / 1000)}</span>
      {take.kept ? (
        <span className="rounded-full bg-emerald-100 px-1.5 text-xs font-medium text-emerald-800 dark:bg-emerald-900/50 dark:text-emerald-200">Keeper</span>
      ) : null}
    </li>
  );
}
