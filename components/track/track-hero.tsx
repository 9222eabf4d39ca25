"use client";

import type { LibraryTrack } from "@/components/library/library-api";
import { KeeperBadge } from "@/components/library/take-list";
import { TitleEditor } from "@/components/library/title-editor";
import { useInlineRename } from "@/components/library/use-inline-rename";
import type { TrackActions } from "@/components/library/use-track-actions";
import { TrackActionsBar } from "@/components/track/track-actions-bar";

type Props = { track: LibraryTrack; takes: readonly LibraryTrack[]; actions: TrackActions };

/** The top of the track page: the artwork slot, which take this is, the title and every action. */
export function TrackHero({ track, takes, actions }: Props) {
  const rename = useInlineRename(track.title, (title) => actions.rename(track, title));
  return (
    <div className="flex flex-col items-start gap-5 sm:flex-row sm:gap-6">
      <ArtworkSlot />
      <div className="w-full min-w-0 flex-1">
        <p className="flex flex-wrap items-center gap-2 text-xs font-semibold tracking-wide text-accent-700 uppercase dark:text-accent-400">
          <span data-testid="take-label">{track.takeCount > 1 ? `Take ${track.takeNumber} of ${track.takeCount}` : "Single take"}</span>
          {track.kept && <KeeperBadge />}
        </p>
        {rename.editing ? (
          <div className="mt-1 max-w-xl">
            <TitleEditor trackId={track.id} title={track.title} rename={rename} textClass="text-xl" />
          </div>
        ) : (
          <h2 className="mt-1 text-2xl font-semibold tracking-tight break-words sm:text-3xl">{track.title}</h2>
        )}
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          By <span className="font-medium text-zinc-800 dark:text-zinc-200">{track.creator.name}</span> with {track.modelName}
        </p>
        <TrackActionsBar track={track} takes={takes} actions={actions} onRename={rename.start} renameButtonRef={rename.renameButtonRef} />
      </div>
    </div>
  );
}

/** Where the track's artwork will go (a later issue): a square placeholder for now. */
function ArtworkSlot() {
  return (
    <div
      data-testid="artwork-slot"
      aria-hidden
      className="flex size-40 shrink-0 items-center justify-center rounded-2xl border border-zinc-200 bg-linear-to-br from-accent-100 to-zinc-100 text-accent-600 sm:size-48 dark:border-zinc-800 dark:from-accent-700/30 dark:to-zinc-900 dark:text-accent-400"
    >
      <svg viewBox="0 0 24 24" className="size-14 fill-none stroke-current stroke-[1.5]">
        <path d="M9 18V5l11-2v13" /><circle cx="6" cy="18" r="3" /><circle cx="17" cy="16" r="3" />
      </svg>
    </div>
  );
}
