"use client";

import { useMutation, useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { useCallback } from "react";
import { deleteTrack, patchTrack, restoreTrack, type LibraryPage, type LibraryTrack } from "@/components/library/library-api";
import type { ToastMessage } from "@/components/toast";
import { usePlayer } from "@/components/player/player-context";

export type TrackActions = {
  favorite: (track: LibraryTrack) => void;
  remove: (track: LibraryTrack) => void;
  rename: (track: LibraryTrack, title: string) => Promise<void>;
};

/**
 * What a track row can do to its track. Each change shows at once in every cached library
 * page, then the lists are fetched again; `say` tells the outcome (a delete offers Undo).
 */
export function useTrackActions(say: (text: string, extra?: Partial<ToastMessage>) => void): TrackActions {
  const queryClient = useQueryClient();
  const player = usePlayer();

  /** Applies a change to a track in every cached library page. */
  const updateCached = useCallback(
    (id: string, change: (track: LibraryTrack) => LibraryTrack | null) => {
      queryClient.setQueriesData<InfiniteData<LibraryPage, string | null>>({ queryKey: ["tracks"] }, (data) =>
        data && {
          ...data,
          pages: data.pages.map((page) => ({
            ...page,
            tracks: page.tracks.flatMap((t) => {
              if (t.id !== id) return [t];
              const next = change(t);
              return next ? [next] : [];
            }),
          })),
        },
      );
    },
    [queryClient],
  );

  const favorite = useMutation({
    mutationFn: (track: LibraryTrack) => patchTrack(track.id, { favorite: !track.favorite }),
    onMutate: (track) => updateCached(track.id, (t) => ({ ...t, favorite: !track.favorite })),
    onError: (error, track) => {
      updateCached(track.id, (t) => ({ ...t, favorite: track.favorite }));
      say(error.message, { tone: "error" });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["tracks"] }),
  });

  const restore = useMutation({
    mutationFn: (track: LibraryTrack) => restoreTrack(track.id),
    onSuccess: (_, track) => say(`“${track.title}” is back.`),
    onError: (error) => say(error.message, { tone: "error" }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["tracks"] }),
  });

  const remove = useMutation({
    mutationFn: (track: LibraryTrack) => deleteTrack(track.id),
    onSuccess: (_, track) => {
      updateCached(track.id, () => null);
      if (player.current?.id === track.id) player.close();
      say(`Deleted “${track.title}”.`, { action: { label: "Undo", run: () => restore.mutate(track) } });
    },
    onError: (error) => say(error.message, { tone: "error" }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["tracks"] }),
  });

  const rename = useCallback(
    async (track: LibraryTrack, title: string) => {
      const updated = await patchTrack(track.id, { title });
      updateCached(track.id, (t) => ({ ...t, title: updated.title ?? title }));
      void queryClient.invalidateQueries({ queryKey: ["tracks"] });
    },
    [queryClient, updateCached],
  );

  return { favorite: favorite.mutate, remove: remove.mutate, rename };
}
