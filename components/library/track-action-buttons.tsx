"use client";

import { useState, type Ref } from "react";
import type { LibraryTrack } from "@/components/library/library-api";
import { DeleteIcon, DownloadIcon, KeeperIcon, PauseIcon, PlayIcon, RenameIcon, ShareIcon, StarIcon } from "@/components/library/track-icons";
import { ShareDialog } from "@/components/share/share-dialog";

// The library's round icon buttons for one track. `name` is what the track is called in their
// labels ("Rain at night", or "Take 2 of Rain at night" where takes sit side by side), so each
// button's name says which track it acts on.

export const ICON_ACTION = "inline-flex size-9 shrink-0 items-center justify-center rounded-full hover:bg-zinc-100 dark:hover:bg-zinc-800";
export const MUTED = "text-zinc-500 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-white";

export function PlayToggle({ name, playing, onToggle, size = "size-10" }: { name: string; playing: boolean; onToggle: () => void; size?: string }) {
  return (
    <button
      type="button"
      onClick={onToggle}
      aria-label={`${playing ? "Pause" : "Play"} ${name}`}
      title={playing ? "Pause" : "Play"}
      className={`inline-flex ${size} shrink-0 items-center justify-center rounded-full bg-zinc-900 text-white hover:bg-accent-600 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-accent-400`}
    >
      {playing ? <PauseIcon /> : <PlayIcon />}
    </button>
  );
}

export function FavoriteButton({ name, favorite, onToggle }: { name: string; favorite: boolean; onToggle: () => void }) {
  return (
    <button
      type="button"
      onClick={onToggle}
      aria-pressed={favorite}
      aria-label={`Favorite ${name}`}
      title={favorite ? "One of your favorites" : "Add to your favorites"}
      className={`${ICON_ACTION} ${favorite ? "text-amber-600 dark:text-amber-400" : MUTED}`}
    >
      <StarIcon filled={favorite} />
    </button>
  );
}

/** The keeper's mark: a soft emerald circle, distinct from the plain icons but quieter than Play. */
const KEPT =
  "inline-flex size-9 shrink-0 items-center justify-center rounded-full bg-emerald-50 text-emerald-700 inset-ring inset-ring-emerald-600/30 hover:bg-emerald-100 dark:bg-emerald-400/10 dark:text-emerald-300 dark:inset-ring-emerald-400/30 dark:hover:bg-emerald-400/20";

export function KeepButton({ name, kept, onToggle }: { name: string; kept: boolean; onToggle: () => void }) {
  return (
    <button
      type="button"
      onClick={onToggle}
      aria-pressed={kept}
      aria-label={`Keep ${name}`}
      title={kept ? "The keeper of its batch (click to unmark)" : "Mark as the keeper"}
      className={kept ? KEPT : `${ICON_ACTION} ${MUTED}`}
    >
      <KeeperIcon filled={false} />
    </button>
  );
}

export function RenameButton({ name, onClick, buttonRef }: { name: string; onClick: () => void; buttonRef: Ref<HTMLButtonElement> }) {
  return (
    <button ref={buttonRef} type="button" onClick={onClick} aria-label={`Rename ${name}`} title="Rename" className={`${ICON_ACTION} ${MUTED}`}>
      <RenameIcon />
    </button>
  );
}

/** Share links for the track, in the share dialog. */
export function ShareButton({ name, track }: { name: string; track: Pick<LibraryTrack, "id" | "title"> }) {
  const [sharing, setSharing] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setSharing(true)} aria-label={`Share ${name}`} title="Share" className={`${ICON_ACTION} ${MUTED}`}>
        <ShareIcon />
      </button>
      {sharing && <ShareDialog track={track} onClose={() => setSharing(false)} />}
    </>
  );
}

export function DownloadLink({ name, track }: { name: string; track: Pick<LibraryTrack, "downloadUrl" | "format"> }) {
  const format = track.format.toUpperCase();
  return (
    <a href={track.downloadUrl} download aria-label={`Download ${name} (${format})`} title={`Download (${format})`} className={`${ICON_ACTION} ${MUTED}`}>
      <DownloadIcon />
    </a>
  );
}

export function DeleteButton({ name, onClick }: { name: string; onClick: () => void }) {
  return (
    <button
      type="button"
      onClick={onClick}
      aria-label={`Delete ${name}`}
      title="Delete"
      className={`${ICON_ACTION} text-zinc-500 hover:text-red-600 dark:text-zinc-400 dark:hover:text-red-400`}
    >
      <DeleteIcon />
    </button>
  );
}
