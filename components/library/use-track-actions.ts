"use client";

import { useMutation, useQueryClient, type InfiniteData, type QueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import {
  deleteTrack,
  patchTrack,
  restoreTrack,
  type LibraryPage,
  type LibraryTrack,
  type TrackDetail,
} from "@/components/library/library-api";
import type { ToastMessage } from "@/components/toast";
import { usePlayer } from "@/components/player/player-context";

export type TrackActions = {
  favorite: (track: LibraryTrack) => void;
  /** Makes the take its batch's keeper, or, when it is one, leaves the batch without a keeper. */
  keep: (track: LibraryTrack) => void;
  remove: (track: LibraryTrack) => void;
  rename: (track: LibraryTrack, title: string) => Promise<void>;
};

/** A change to one cached track: the track as it is now, or null when it is gone. */
type Change = (track: LibraryTrack) => LibraryTrack | null;

/**
 * Applies `change` to every track the cache holds: the library's pages (["tracks", …]) and the
 * track pages' answers (["track", id]), so a row and a page show the same at once.
 */
function updateCached(queryClient: QueryClient, change: Change) {
  queryClient.setQueriesData<InfiniteData<LibraryPage, string | null>>({ queryKey: ["tracks"] }, (data) =>
    !data?.pages ? data : {
      ...data,
      pages: data.pages.map((page) => ({
        ...page,
        batches: (page.batches ?? [])
          .map((batch) => ({ ...batch, tracks: batch.tracks.flatMap((t) => change(t) ?? []) }))
          .filter((batch) => batch.tracks.length > 0),
      })),
    },
  );
  // Other answers live under ["track", …] too (the player's takes of a batch): left as they are.
  queryClient.setQueriesData<TrackDetail>({ queryKey: ["track"] }, (data) =>
    !data?.track ? data : {
      ...data,
      // The page's own track stays when deleted: the page leaves for the library.
      track: change(data.track) ?? data.track,
      takes: data.takes.flatMap((t) => change(t) ?? []),
    },
  );
}

const refetchAll = (queryClient: QueryClient) =>
  Promise.all([queryClient.invalidateQueries({ queryKey: ["tracks"] }), queryClient.invalidateQueries({ queryKey: ["track"] })]);

/**
 * What a library row or a track page can do to a track. Each change shows at once wherever the
 * track is cached, then the lists are fetched again; `say` tells the outcome (a delete offers Undo).
 * The server decides who may do what; the rows only offer what `canEdit` allows.
 */
export function useTrackActions(say: (text: string, extra?: Partial<ToastMessage>) => void): TrackActions {
  const queryClient = useQueryClient();
  const player = usePlayer();
  const update = useCallback((change: Change) => updateCached(queryClient, change), [queryClient]);
  const settle = () => void refetchAll(queryClient);

  const favorite = useMutation({
    mutationFn: (track: LibraryTrack) => patchTrack(track.id, { favorite: !track.favorite }),
    onMutate: (track) => update((t) => (t.id === track.id ? { ...t, favorite: !track.favorite } : t)),
    onError: (error, track) => {
      update((t) => (t.id === track.id ? { ...t, favorite: track.favorite } : t));
      say(error.message, { tone: "error" });
    },
    onSettled: settle,
  });

  // A batch has at most one keeper: keeping a take un-keeps its siblings (the server does the same).
  const keep = useMutation({
    mutationFn: (track: LibraryTrack) => patchTrack(track.id, { kept: !track.kept }),
    onMutate: (track) => update((t) => (t.batchId === track.batchId ? { ...t, kept: t.id === track.id && !track.kept } : t)),
    onSuccess: (_, track) => say(track.kept ? `Take ${track.takeNumber} is no longer the keeper.` : `Take ${track.takeNumber} is the keeper.`),
    // The refetch that follows puts the batch back as the server has it.
    onError: (error) => say(error.message, { tone: "error" }),
    onSettled: settle,
  });

  const restore = useMutation({
    mutationFn: (track: LibraryTrack) => restoreTrack(track.id),
    onSuccess: (_, track) => say(`“${track.title}” is back.`),
    onError: (error) => say(error.message, { tone: "error" }),
    onSettled: settle,
  });

  const remove = useMutation({
    mutationFn: (track: LibraryTrack) => deleteTrack(track.id),
    onSuccess: (_, track) => {
      update((t) => (t.id === track.id ? null : t));
      if (player.current?.id === track.id) player.close();
      say(`Deleted “${track.title}”.`, { action: { label: "Undo", run: () => restore.mutate(track) } });
    },
    onError: (error) => say(error.message, { tone: "error" }),
    onSettled: settle,
  });

  const rename = useCallback(
    async (track: LibraryTrack, title: string) => {
      const updated = await patchTrack(track.id, { title });
      update((t) => (t.id === track.id ? { ...t, title: updated.title ?? title } : t));
      void refetchAll(queryClient);
    },
    [queryClient, update],
  );

  return { favorite: favorite.mutate, keep: keep.mutate, remove: remove.mutate, rename };
}
