"use client";

import { useState, type ReactNode, type Ref } from "react";
import type { LibraryTrack } from "@/components/library/library-api";
import { ReuseSettingsLink } from "@/components/library/reuse-settings-link";
import { DeleteIcon, DownloadIcon, KeeperIcon, PauseIcon, PlayIcon, RenameIcon, ShareIcon, StarIcon } from "@/components/library/track-icons";
import type { TrackActions } from "@/components/library/use-track-actions";
import { usePlayer } from "@/components/player/player-context";
import { ShareDialog } from "@/components/share/share-dialog";
import { DeleteTrackDialog } from "@/components/track/delete-track-dialog";

const pillShape = "inline-flex h-10 items-center gap-2 rounded-full border px-3 text-sm font-medium whitespace-nowrap";
const pillColors = "border-zinc-300 bg-white hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800";
const pill = `${pillShape} ${pillColors}`;
// Pressed states, soft fills so that Play stays the loudest button, with dark hovers of their
// own (a light hover under light text is unreadable).
const KEPT =
  "border-emerald-600/60 bg-emerald-50 text-emerald-800 hover:bg-emerald-100 dark:border-emerald-500/50 dark:bg-emerald-500/10 dark:text-emerald-300 dark:hover:bg-emerald-500/20";
const FAVORITE =
  "border-amber-500 bg-amber-50 text-amber-800 hover:bg-amber-100 dark:border-amber-500 dark:bg-amber-500/10 dark:text-amber-300 dark:hover:bg-amber-950/50 dark:hover:text-amber-300";

type Props = {
  track: LibraryTrack;
  takes: readonly LibraryTrack[];
  actions: TrackActions;
  onRename: () => void;
  renameButtonRef: Ref<HTMLButtonElement>;
};

/**
 * The track page's actions. Play plays the batch's takes as the queue; rename, keep and delete
 * are offered only to whoever may (its creator or an admin: `canEdit`), favourite to everyone.
 * Listening and choosing come first (play, keep, favourite), then the file and the settings,
 * and Delete stands apart at the end: one row on a desktop, wrapping on a phone.
 */
export function TrackActionsBar({ track, takes, actions, onRename, renameButtonRef }: Props) {
  const player = usePlayer();
  const [dialog, setDialog] = useState<"share" | "delete" | null>(null);
  const playing = player.current?.id === track.id && player.playing;

  return (
    <div className="mt-4 flex flex-wrap items-center gap-2">
      <button
        type="button"
        onClick={playing ? player.pause : () => player.play(track, { queue: [...takes] })}
        className="inline-flex h-10 items-center gap-2 rounded-full bg-accent-600 px-5 text-sm font-semibold text-white shadow-sm hover:bg-accent-700"
      >
        {playing ? <PauseIcon /> : <PlayIcon />}
        {playing ? "Pause" : "Play"}
      </button>
      {track.canEdit && (
        // Kept, it says so ("Keeper", pressed); pressed again, the batch has no keeper.
        <Toggle pressed={track.kept} onToggle={() => actions.keep(track)} pressedClass={KEPT}>
          <KeeperIcon filled={false} className="size-4" />
          {track.kept ? "Keeper" : "Keep"}
        </Toggle>
      )}
      <Toggle pressed={track.favorite} onToggle={() => actions.favorite(track)} pressedClass={FAVORITE}>
        <StarIcon filled={track.favorite} className="size-4" />
        Favorite
      </Toggle>
      <a href={track.downloadUrl} download className={pill} title={`Download (${track.format.toUpperCase()})`}>
        <DownloadIcon className="size-4" />
        Download
      </a>
      <button type="button" onClick={() => setDialog("share")} className={pill}>
        <ShareIcon className="size-4" />
        Share
      </button>
      <ReuseSettingsLink id={track.id} title={track.title} text="Reuse" className={pill} />
      {track.canEdit && (
        <button ref={renameButtonRef} type="button" onClick={onRename} className={pill}>
          <RenameIcon className="size-4" />
          Rename
        </button>
      )}
      {track.canEdit && (
        <button
          type="button"
          onClick={() => setDialog("delete")}
          className={`${pill} ml-auto text-red-700 hover:text-red-800 dark:text-red-400 dark:hover:text-red-300`}
        >
          <DeleteIcon className="size-4" />
          Delete
        </button>
      )}
      {dialog === "share" && <ShareDialog track={track} onClose={() => setDialog(null)} />}
      {dialog === "delete" && <DeleteTrackDialog track={track} onClose={() => setDialog(null)} />}
    </div>
  );
}

function Toggle({ pressed, onToggle, pressedClass, children }: { pressed: boolean; onToggle: () => void; pressedClass: string; children: ReactNode }) {
  return (
    <button type="button" aria-pressed={pressed} onClick={onToggle} className={`${pillShape} ${pressed ? pressedClass : pillColors}`}>
      {children}
    </button>
  );
}
