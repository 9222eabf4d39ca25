"use client";

import Link from "next/link";
import type { LibraryTrack } from "@/components/library/library-api";
import { DeleteButton, DownloadLink, FavoriteButton, KeepButton, PlayToggle, ShareButton } from "@/components/library/track-action-buttons";
import type { TrackActions } from "@/components/library/use-track-actions";
import { formatTime } from "@/components/player/format-time";
import { formatPrice } from "@/lib/money";

export type RowPlayback = {
  /** The id of the player's current track, and whether it is playing. */
  currentId: string | null;
  playing: boolean;
  /** Plays a track with the library's current list as the queue. */
  onPlay: (track: LibraryTrack) => void;
  onPause: () => void;
};

type Props = { id: string; tracks: readonly LibraryTrack[]; title: string; playback: RowPlayback; actions: TrackActions };

/** A batch row's takes, expanded: each "Take N" with its own play, keeper mark, favourite and the rest. */
export function TakeList({ id, tracks, title, playback, actions }: Props) {
  return (
    <ul id={id} aria-label={`Takes of ${title}`} className="mt-2 basis-full space-y-1 border-t border-zinc-200 pt-2 dark:border-zinc-800">
      {tracks.map((track) => (
        <TakeRow key={track.id} track={track} title={title} playback={playback} actions={actions} />
      ))}
    </ul>
  );
}

function TakeRow({ track, title, playback, actions }: { track: LibraryTrack; title: string; playback: RowPlayback; actions: TrackActions }) {
  const isCurrent = playback.currentId === track.id;
  const isPlaying = isCurrent && playback.playing;
  const name = `Take ${track.takeNumber} of ${title}`;
  return (
    <li
      data-testid="take-row"
      data-track-id={track.id}
      data-kept={track.kept}
      aria-current={isCurrent ? "true" : undefined}
      className={`flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg px-1 py-1 sm:flex-nowrap sm:px-2 ${isCurrent ? "bg-accent-100/60 dark:bg-accent-700/20" : ""}`}
    >
      <PlayToggle name={name} playing={isPlaying} onToggle={isPlaying ? playback.onPause : () => playback.onPlay(track)} size="size-8" />
      <div className="flex min-w-0 flex-1 flex-wrap items-center gap-x-2 gap-y-1 text-sm">
        <Link href={`/tracks/${track.id}`} aria-label={`Open ${name}`} className="font-medium underline-offset-4 hover:underline">
          Take {track.takeNumber}
        </Link>
        {track.kept && <KeeperBadge />}
        <span className="font-mono text-xs whitespace-nowrap text-zinc-600 tabular-nums dark:text-zinc-400">{formatTime(track.durationMs / 1000)}</span>
        {/* On a phone the row's own cost says it; a take's would wrap under its name. */}
        <span className="hidden text-xs whitespace-nowrap text-zinc-600 sm:inline dark:text-zinc-400">{formatPrice(track.costUsd)}</span>
      </div>
      <div className="flex shrink-0 items-center">
        {track.canEdit && <KeepButton name={name} kept={track.kept} onToggle={() => actions.keep(track)} />}
        <FavoriteButton name={name} favorite={track.favorite} onToggle={() => actions.favorite(track)} />
        <ShareButton name={name} track={track} />
        <DownloadLink name={name} track={track} />
        {track.canEdit && <DeleteButton name={name} onClick={() => actions.remove(track)} />}
      </div>
    </li>
  );
}

/** "Keeper": the take chosen from its batch. */
export function KeeperBadge() {
  return (
    <span className="rounded bg-emerald-100 px-1.5 py-0.5 text-xs font-semibold whitespace-nowrap text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300">
      Keeper
    </span>
  );
}
