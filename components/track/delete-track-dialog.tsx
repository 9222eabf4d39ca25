"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef } from "react";
import { deleteTrack, trackQueryKey, type LibraryTrack } from "@/components/library/library-api";
import { usePlayer } from "@/components/player/player-context";

type Props = { track: LibraryTrack; onClose: () => void };

/**
 * Asks before deleting the track from its own page, in a modal <dialog> (Escape cancels, and
 * Cancel has the focus), since the page it is on goes away with it: then back to the library.
 */
export function DeleteTrackDialog({ track, onClose }: Props) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const ids = useId();
  const router = useRouter();
  const queryClient = useQueryClient();
  const player = usePlayer();
  const removal = useMutation({
    mutationFn: () => deleteTrack(track.id),
    onSuccess: () => {
      if (player.current?.id === track.id) player.close();
      queryClient.removeQueries({ queryKey: trackQueryKey(track.id) });
      void queryClient.invalidateQueries({ queryKey: ["tracks"] });
      void queryClient.invalidateQueries({ queryKey: ["track"] });
      router.push("/library");
    },
  });

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const name = track.takeCount > 1 ? `take ${track.takeNumber} of “${track.title}”` : `“${track.title}”`;
  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={`${ids}-title`}
      aria-describedby={`${ids}-body`}
      onClose={onClose}
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-2xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-zinc-950/50 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <div className="space-y-4 p-5 sm:p-6">
        <h2 id={`${ids}-title`} className="text-lg font-semibold break-words">Delete {name}?</h2>
        <p id={`${ids}-body`} className="text-sm text-zinc-600 dark:text-zinc-400">
          It leaves the library and its share links stop working. {track.takeCount > 1 ? "The other takes of its batch stay." : ""}
        </p>
        {removal.error && (
          <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">{removal.error.message}</p>
        )}
        <div className="flex flex-wrap justify-end gap-2">
          <button
            type="button"
            autoFocus
            onClick={() => dialogRef.current?.close()}
            className="rounded-lg border border-zinc-300 bg-white px-4 py-2 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800"
          >
            Cancel
          </button>
          <button
            type="button"
            onClick={() => removal.mutate()}
            disabled={removal.isPending || removal.isSuccess}
            className="rounded-lg bg-red-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-red-700 disabled:opacity-60"
          >
            {removal.isPending ? "Deleting…" : "Delete"}
          </button>
        </div>
      </div>
    </dialog>
  );
}
