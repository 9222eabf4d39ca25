"use client";

import { useState } from "react";
import type { LibraryTrack } from "@/components/library/library-api";
import { ReuseSettingsLink } from "@/components/library/reuse-settings-link";
import { useInlineRename } from "@/components/library/use-inline-rename";
import { formatTime } from "@/components/player/format-time";
import { ShareDialog } from "@/components/share/share-dialog";

type Props = {
  track: LibraryTrack;
  modelName: string;
  isCurrent: boolean;
  /** The shared player is playing this track: the button pauses it. */
  isPlaying: boolean;
  onPlay: () => void;
  onPause: () => void;
  onRename: (title: string) => Promise<void>;
  onFavorite: () => void;
  onDelete: () => void;
};

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

export function TrackRow({ track, modelName, isCurrent, isPlaying, onPlay, onPause, onRename, onFavorite, onDelete }: Props) {
  const { editing, draft, setDraft, error, saving, save, start, cancel, inputRef, renameButtonRef } = useInlineRename(track.title, onRename);
  const [sharing, setSharing] = useState(false);

  const action =
    "inline-flex size-9 shrink-0 items-center justify-center rounded-full hover:bg-zinc-100 dark:hover:bg-zinc-800";
  const muted = "text-zinc-500 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-white";
  // Zinc-500 is too faint on the playing row's tinted background (under 4.5:1).
  const secondaryText = isCurrent ? "text-zinc-600 dark:text-zinc-400" : "text-zinc-500 dark:text-zinc-400";

  return (
    <li
      data-testid="track-row"
      data-track-id={track.id}
      className={`group flex flex-wrap items-center gap-x-3 gap-y-1 rounded-xl border px-3 py-3 sm:flex-nowrap sm:gap-4 sm:px-4 ${
        isCurrent
          ? "border-accent-400 bg-accent-50 dark:border-accent-600 dark:bg-accent-700/15"
          : "border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900"
      }`}
    >
      <button
        type="button"
        onClick={isPlaying ? onPause : onPlay}
        aria-label={`${isPlaying ? "Pause" : "Play"} ${track.title}`}
        className="inline-flex size-10 shrink-0 items-center justify-center rounded-full bg-zinc-900 text-white hover:bg-accent-600 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-accent-400"
      >
        {isPlaying ? (
          <svg aria-hidden viewBox="0 0 24 24" className="size-4 fill-current"><path d="M7 5h3.5v14H7zM13.5 5H17v14h-3.5z" /></svg>
        ) : (
          <svg aria-hidden viewBox="0 0 24 24" className="size-4 translate-x-px fill-current"><path d="M8 5.5v13l10.5-6.5z" /></svg>
        )}
      </button>

      <div className="min-w-0 flex-1">
        {editing ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
            className="flex flex-col gap-1"
          >
            <label htmlFor={`title-${track.id}`} className="sr-only">New title for {track.title}</label>
            <input
              id={`title-${track.id}`}
              ref={inputRef}
              value={draft}
              maxLength={200}
              disabled={saving}
              onChange={(e) => setDraft(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === "Escape") cancel();
              }}
              onBlur={() => void save()}
              aria-invalid={!!error}
              aria-describedby={error ? `title-error-${track.id}` : undefined}
              className="w-full rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm font-medium dark:border-zinc-700 dark:bg-zinc-950"
            />
            {error && <p id={`title-error-${track.id}`} className="text-xs text-red-600 dark:text-red-400">{error}</p>}
          </form>
        ) : (
          <h3 className="truncate text-sm font-medium sm:text-base" title={track.title}>{track.title}</h3>
        )}
        <p className={`truncate text-xs ${secondaryText}`} title={track.prompt}>{track.prompt}</p>
        <p className={`mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs ${secondaryText}`}>
          <span className="max-w-full truncate rounded bg-zinc-100 px-1.5 py-0.5 font-medium text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">{modelName}</span>
          <span className="font-mono tabular-nums">{formatTime(track.durationMs / 1000)}</span>
          <span className="uppercase">{track.format}</span>
          <time dateTime={track.createdAt} className="hidden sm:inline">{dateFormat.format(new Date(track.createdAt))}</time>
        </p>
      </div>

      {/* On a phone the actions get a line of their own, so the title keeps its width. */}
      <div className="-mb-1 flex shrink-0 basis-full items-center justify-end sm:mb-0 sm:basis-auto">
        <ReuseSettingsLink id={track.id} title={track.title} className={`${action} ${muted}`} />
        <button
          type="button"
          onClick={onFavorite}
          aria-pressed={track.favorite}
          aria-label={`Favorite ${track.title}`}
          className={`${action} ${track.favorite ? "text-amber-500 dark:text-amber-400" : muted}`}
        >
          <svg aria-hidden viewBox="0 0 24 24" className={`size-5 stroke-current stroke-2 ${track.favorite ? "fill-current" : "fill-none"}`}>
            <path d="M12 3.5l2.6 5.3 5.9.9-4.25 4.1 1 5.8L12 16.9l-5.25 2.7 1-5.8L3.5 9.7l5.9-.9z" strokeLinejoin="round" />
          </svg>
        </button>
        <button
          ref={renameButtonRef}
          type="button"
          onClick={start}
          aria-label={`Rename ${track.title}`}
          className={`${action} ${muted}`}
        >
          <svg aria-hidden viewBox="0 0 24 24" className="size-5 fill-none stroke-current stroke-2"><path d="M4 20h4L19 9l-4-4L4 16v4zM13.5 6.5l4 4" strokeLinejoin="round" /></svg>
        </button>
        <button type="button" onClick={() => setSharing(true)} aria-label={`Share ${track.title}`} className={`${action} ${muted}`}>
          <svg aria-hidden viewBox="0 0 24 24" className="size-5 fill-none stroke-current stroke-2">
            <path d="M10 14a4 4 0 005.7 0l3-3a4 4 0 00-5.7-5.7l-1 1M14 10a4 4 0 00-5.7 0l-3 3a4 4 0 005.7 5.7l1-1" strokeLinecap="round" />
          </svg>
        </button>
        <button type="button" onClick={onDelete} aria-label={`Delete ${track.title}`} className={`${action} text-zinc-500 hover:text-red-600 dark:text-zinc-400 dark:hover:text-red-400`}>
          <svg aria-hidden viewBox="0 0 24 24" className="size-5 fill-none stroke-current stroke-2"><path d="M5 7h14M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3" strokeLinejoin="round" /></svg>
        </button>
      </div>
      {sharing && <ShareDialog track={track} onClose={() => setSharing(false)} />}
    </li>
  );
}

export function TrackRowSkeleton() {
  return (
    <li aria-hidden className="flex animate-pulse items-center gap-4 rounded-xl border border-zinc-200 bg-white px-4 py-3 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="size-10 rounded-full bg-zinc-200 dark:bg-zinc-800" />
      <div className="flex-1 space-y-2">
        <div className="h-4 w-1/3 rounded bg-zinc-200 dark:bg-zinc-800" />
        <div className="h-3 w-2/3 rounded bg-zinc-100 dark:bg-zinc-800/70" />
        <div className="h-3 w-1/4 rounded bg-zinc-100 dark:bg-zinc-800/70" />
      </div>
    </li>
  );
}
