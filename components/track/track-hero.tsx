"use client";

import type { LibraryTrack } from "@/components/library/library-api";
import { KeeperBadge } from "@/components/library/take-list";
import { TitleEditor } from "@/components/library/title-editor";
import { useInlineRename } from "@/components/library/use-inline-rename";
import type { TrackActions } from "@/components/library/use-track-actions";
import { TrackActionsBar } from "@/components/track/track-actions-bar";

type Props = { track: LibraryTrack; takes: readonly LibraryTrack[]; actions: TrackActions };

/**
 * The top of the track page: the artwork slot, which take this is, the title and every action.
 * On a phone a small cover sits beside the title and the actions run under both; from sm the
 * cover is large and the title and actions stand beside it.
 */
export function TrackHero({ track, takes, actions }: Props) {
  const rename = useInlineRename(track.title, (title) => actions.rename(track, title));
  return (
    // The third row (1fr) takes what the tall cover adds, so the actions stay under the title.
    <div className="grid grid-cols-[5.5rem_minmax(0,1fr)] items-center gap-x-4 sm:grid-cols-[12rem_minmax(0,1fr)] sm:grid-rows-[auto_auto_1fr] sm:items-start sm:gap-x-6">
      <ArtworkSlot />
      <div className="min-w-0">
        <p className="flex flex-wrap items-center gap-2 text-xs font-semibold tracking-wide text-accent-700 uppercase dark:text-accent-400">
          <span data-testid="take-label">{track.takeCount > 1 ? `Take ${track.takeNumber} of ${track.takeCount}` : "Single take"}</span>
          {track.kept && <KeeperBadge />}
        </p>
        {rename.editing ? (
          <div className="mt-1 max-w-xl">
            <TitleEditor trackId={track.id} title={track.title} rename={rename} textClass="text-xl" />
          </div>
        ) : (
          <h2 className="mt-1 text-xl font-semibold tracking-tight break-words sm:text-3xl">{track.title}</h2>
        )}
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          By <span className="font-medium text-zinc-800 dark:text-zinc-200">{track.creator.name}</span> with {track.modelName}
        </p>
      </div>
      <div className="col-span-2 min-w-0 sm:col-span-1 sm:col-start-2">
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
      className="flex size-22 shrink-0 items-center justify-center self-start rounded-xl border border-zinc-200 bg-linear-to-br from-accent-100 to-zinc-100 text-accent-600 sm:row-span-3 sm:size-48 sm:rounded-2xl dark:border-zinc-800 dark:from-accent-700/30 dark:to-zinc-900 dark:text-accent-400"
    >
      <svg viewBox="0 0 24 24" className="size-9 fill-none stroke-current stroke-[1.5] sm:size-14">
        <path d="M9 18V5l11-2v13" /><circle cx="6" cy="18" r="3" /><circle cx="17" cy="16" r="3" />
      </svg>
    </div>
  );
}
