"use client";

import type { InfiniteData, UseInfiniteQueryResult } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef } from "react";
import { BatchRow, TrackRowSkeleton } from "@/components/library/batch-row";
import { STATUS_LABELS, type EndedGeneration, type LibraryBatch, type LibraryPage, type LibraryTrack } from "@/components/library/library-api";
import { EndedGenerationRow } from "@/components/library/ended-generation-row";
import { LibraryEmpty } from "@/components/library/library-empty";
import type { RowPlayback } from "@/components/library/take-list";
import type { TrackActions } from "@/components/library/use-track-actions";
import { LoadFailed } from "@/components/load-failed";
import { usePlayer } from "@/components/player/player-context";
import type { LibraryStatus } from "@/lib/api/tracks/library-status";

type Props = {
  /** The pages of the list the status filter picked… */
  pages: UseInfiniteQueryResult<InfiniteData<LibraryPage>>;
  /** …and their rows: batches of tracks for `ready`, generations that ended that way for the others. */
  batches: readonly LibraryBatch[];
  ended: readonly EndedGeneration[];
  status: LibraryStatus;
  /** Search or filters narrow the list (an empty list offers to clear them). */
  filtered: boolean;
  modelName: (id: string) => string;
  actions: TrackActions;
  onClearFilters: () => void;
  onShowReady: () => void;
};

/** The library's results: tracks, or generations that ended without one, loaded page by page. */
export function LibraryList({ pages, batches, ended, status, filtered, modelName, actions, onClearFilters, onShowReady }: Props) {
  const player = usePlayer();

  // Infinite scroll: the next page loads when the sentinel nears the viewport ("Load more" stays as a fallback).
  const sentinel = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = pages;
  useEffect(() => {
    const node = sentinel.current;
    if (!node || !hasNextPage) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
      },
      { rootMargin: "400px" },
    );
    observer.observe(node);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const count = status === "ready" ? batches.length : ended.length;

  // Playing a row plays the list as it stands, every take of each row in order, as the queue.
  const queue = useMemo(() => batches.flatMap((batch) => batch.tracks), [batches]);
  const { play, pause } = player;
  const playInList = useCallback((track: LibraryTrack) => play(track, { queue }), [play, queue]);
  const playback: RowPlayback = { currentId: player.current?.id ?? null, playing: player.playing, onPlay: playInList, onPause: pause };

  return (
    <section aria-labelledby="library-results" className="mt-4">
      <h2 id="library-results" className="sr-only">{status === "ready" ? "Tracks" : `${STATUS_LABELS[status]} generations`}</h2>
      {pages.isPending ? (
        <ul aria-busy="true" aria-label="Loading tracks" className="space-y-2">
          {Array.from({ length: 6 }, (_, i) => <TrackRowSkeleton key={i} />)}
        </ul>
      ) : pages.isError ? (
        <LoadFailed title="The library could not be loaded." message={pages.error.message} onRetry={() => void pages.refetch()} />
      ) : count === 0 ? (
        <LibraryEmpty status={status} filtered={filtered} onClearFilters={onClearFilters} onShowReady={onShowReady} />
      ) : (
        <>
          <ul className="space-y-2" aria-busy={pages.isFetching}>
            {batches.map((batch) => (
              <BatchRow key={batch.batchId} batch={batch} playback={playback} actions={actions} />
            ))}
            {ended.map((generation) => (
              <EndedGenerationRow key={generation.id} generation={generation} modelName={modelName(generation.model)} />
            ))}
          </ul>
          <div ref={sentinel} className="mt-4 flex justify-center">
            {pages.hasNextPage ? (
              <button
                type="button"
                onClick={() => void pages.fetchNextPage()}
                disabled={pages.isFetchingNextPage}
                className="rounded-lg border border-zinc-300 px-4 py-2 text-sm font-medium hover:bg-zinc-100 disabled:opacity-60 dark:border-zinc-700 dark:hover:bg-zinc-800"
              >
                {pages.isFetchingNextPage ? "Loading…" : "Load more"}
              </button>
            ) : (
              <p className="text-xs text-zinc-500 dark:text-zinc-400">
                {status === "ready"
                  ? tracksCount(batches)
                  : `${count} ${STATUS_LABELS[status].toLowerCase()} ${count === 1 ? "generation" : "generations"}`}
              </p>
            )}
          </div>
        </>
      )}
    </section>
  );
}

/** "1 track", "5 tracks", "3 tracks in 2 batches": what the list holds, said at its end. */
function tracksCount(batches: readonly LibraryBatch[]): string {
  const tracks = batches.reduce((sum, batch) => sum + batch.tracks.length, 0);
  const words = tracks === 1 ? "1 track" : `${tracks} tracks`;
  if (tracks === batches.length) return words;
  return `${words} in ${batches.length === 1 ? "1 batch" : `${batches.length} batches`}`;
}
