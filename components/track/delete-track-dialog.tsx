"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { deleteTrack, trackQueryKey, type LibraryTrack } from "@/components/library/library-api";
import { usePlayer } from "@/components/player/player-context";

type Props = { track: LibraryTrack; onClose: () => void };

/**
 * Asks before deleting the track from its own page, since the page it is on goes away with it:
 * then back to the library (the dialog stays, its button disabled, until the page changes).
 */
export function DeleteTrackDialog({ track, onClose }: Props) {
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

  const name = track.takeCount > 1 ? `take ${track.takeNumber} of “${track.title}”` : `“${track.title}”`;
  return (
    <ConfirmDialog
      title={`Delete ${name}?`}
      error={removal.error?.message}
      busy={removal.isPending}
      busyLabel="Deleting…"
      confirmLabel="Delete"
      done={removal.isSuccess}
      onConfirm={() => removal.mutate()}
      onClose={onClose}
    >
      {track.kept && <strong className="font-semibold text-zinc-900 dark:text-zinc-100">It is this batch&apos;s keeper. </strong>}
      It is removed from the library for everyone, and its share links stop working.
      {track.takeCount > 1 && " The other takes of its batch stay."}
    </ConfirmDialog>
  );
}
