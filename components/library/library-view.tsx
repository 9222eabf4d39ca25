"use client";

import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  DATE_SORTS,
  deleteTrack,
  fetchCreators,
  fetchLibraryPage,
  fetchModelOptions,
  filtersFromParams,
  filtersToSearch,
  fitStatus,
  patchTrack,
  restoreTrack,
  SORTS,
  STATUS_LABELS,
  type LibraryFilters,
  type LibraryPage,
  type LibraryTrack,
} from "@/components/library/library-api";
import { EndedGenerationRow } from "@/components/library/ended-generation-row";
import { LibraryEmpty } from "@/components/library/library-empty";
import { Toast, type ToastMessage } from "@/components/toast";
import { TrackRow, TrackRowSkeleton } from "@/components/library/track-row";
import { usePlayer } from "@/components/player/player-context";
import type { LibraryStatus } from "@/lib/api/tracks/library-status";

const SORT_LABELS: Record<(typeof SORTS)[number], string> = {
  newest: "Newest first",
  oldest: "Oldest first",
  title: "Title (A–Z)",
  duration: "Duration",
};

// What each list that is not of tracks holds, said once above it.
const STATUS_NOTES: Readonly<Record<Exclude<LibraryStatus, "ready">, string>> = {
  failed: "Generations Venice could not make. Nothing was charged for them: Venice refunds a failed job, and one refused at the start was never billed.",
  expired: "Generations that were paid for, but Venice discarded the audio before the studio could store it.",
  uncertain: "The studio stopped while Venice was accepting these jobs, so it cannot know whether they were charged. Check your Venice account; they were not sent again.",
};

const field =
  "h-10 min-w-0 rounded-lg border border-zinc-300 bg-white px-3 text-sm shadow-sm dark:border-zinc-700 dark:bg-zinc-900";
const labelClass = "text-xs font-medium text-zinc-600 dark:text-zinc-400";

export function LibraryView() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const filters = useMemo(() => filtersFromParams(new URLSearchParams(searchParams.toString())), [searchParams]);
  const queryClient = useQueryClient();
  const player = usePlayer();

  // The search box types freely; the URL (and the query) follows 300 ms after the last key.
  const [search, setSearch] = useState(filters.q);
  const lastPushedQ = useRef(filters.q);
  useEffect(() => {
    // Back/forward or a shared link changed q: show it.
    if (filters.q !== lastPushedQ.current) {
      lastPushedQ.current = filters.q;
      setSearch(filters.q);
    }
  }, [filters.q]);

  // The filters last asked for: a second change made before the URL has caught up with the
  // first builds on it instead of undoing it.
  const requested = useRef(filters);
  useEffect(() => {
    requested.current = filters;
  }, [filters]);

  const navigate = useCallback(
    (next: LibraryFilters, mode: "push" | "replace") => {
      requested.current = next;
      const url = `${pathname}${filtersToSearch(next)}`;
      if (mode === "push") router.push(url, { scroll: false });
      else router.replace(url, { scroll: false });
    },
    [pathname, router],
  );

  useEffect(() => {
    const q = search.trim();
    if (q === filters.q.trim()) return;
    // Short terms stay in the box (with a hint) without touching the URL or the list.
    if (q.length > 0 && q.length < 3) return;
    const timer = setTimeout(() => {
      lastPushedQ.current = q;
      navigate({ ...filters, q }, "replace");
    }, 300);
    return () => clearTimeout(timer);
  }, [search, filters, navigate]);

  const activeQ = filters.q.trim().length >= 3 ? filters.q.trim() : "";
  const queryFilters: LibraryFilters = { ...filters, q: activeQ };
  const queryKey = ["tracks", queryFilters] as const;

  const tracks = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam, signal }) => fetchLibraryPage(queryFilters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

  const models = useQuery({ queryKey: ["model-options"], queryFn: fetchModelOptions, staleTime: 5 * 60_000 });
  const modelName = useCallback(
    (id: string) => models.data?.find((m) => m.id === id)?.name ?? id,
    [models.data],
  );
  const creators = useQuery({ queryKey: ["creators"], queryFn: ({ signal }) => fetchCreators(signal), staleTime: 60_000 });

  const [toast, setToast] = useState<ToastMessage | null>(null);
  const dismissToast = useCallback(() => setToast(null), []);
  const say = useCallback((text: string, extra?: Partial<ToastMessage>) => setToast({ id: Date.now(), text, ...extra }), []);

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

  // Infinite scroll: the next page loads when the sentinel nears the viewport ("Load more" stays as a fallback).
  const sentinel = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = tracks;
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

  const list = tracks.data?.pages.flatMap((p) => p.tracks) ?? [];
  const ended = tracks.data?.pages.flatMap((p) => p.generations) ?? [];
  const count = filters.status === "ready" ? list.length : ended.length;
  const filtered = activeQ !== "" || filters.model !== "" || filters.creator !== "" || filters.favorite;
  const shortSearch = search.trim().length > 0 && search.trim().length < 3;
  // A list of generations that ended without a track: no favorites, no title or duration sort.
  const endedList = filters.status !== "ready";
  const change = (patch: Partial<LibraryFilters>) => navigate(fitStatus({ ...requested.current, q: activeQ, ...patch }), "push");
  const clearFilters = () => {
    lastPushedQ.current = "";
    setSearch("");
    navigate({ ...filters, q: "", model: "", creator: "", favorite: false }, "push");
  };

  return (
    <>
      <form role="search" aria-label="Library" onSubmit={(e) => e.preventDefault()} className="grid grid-cols-2 gap-3 sm:grid-cols-4 sm:items-end">
        <div className="col-span-2 flex flex-col gap-1 sm:col-span-3">
          <label htmlFor="library-search" className={labelClass}>Search titles and prompts</label>
          <div className="relative">
            <svg aria-hidden viewBox="0 0 24 24" className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 fill-none stroke-zinc-400 stroke-2"><circle cx="11" cy="11" r="6" /><path d="M20 20l-4.5-4.5" /></svg>
            <input
              id="library-search"
              type="search"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              placeholder="e.g. rain, piano, chorus"
              aria-describedby="library-search-hint"
              className={`${field} w-full pl-9`}
            />
          </div>
        </div>
        <button
          type="button"
          aria-pressed={filters.favorite}
          disabled={endedList}
          title={endedList ? "Only tracks can be favorites" : undefined}
          onClick={() => change({ favorite: !filters.favorite })}
          className={`${field} col-span-2 inline-flex items-center justify-center gap-2 font-medium disabled:cursor-not-allowed disabled:opacity-50 sm:col-span-1 ${
            filters.favorite ? "border-amber-400 bg-amber-50 text-amber-800 dark:border-amber-500/60 dark:bg-amber-500/10 dark:text-amber-300" : ""
          }`}
        >
          <svg aria-hidden viewBox="0 0 24 24" className={`size-4 stroke-current stroke-2 ${filters.favorite ? "fill-current" : "fill-none"}`}>
            <path d="M12 3.5l2.6 5.3 5.9.9-4.25 4.1 1 5.8L12 16.9l-5.25 2.7 1-5.8L3.5 9.7l5.9-.9z" strokeLinejoin="round" />
          </svg>
          Favorites only
        </button>
        <p id="library-search-hint" className={`col-span-2 -mt-2 text-xs sm:col-span-4 ${shortSearch ? "text-amber-700 dark:text-amber-400" : "sr-only"}`}>
          {shortSearch ? "Type at least 3 characters to search." : "Search starts after 3 characters."}
        </p>
        <div className="flex min-w-0 flex-col gap-1">
          <label htmlFor="library-model" className={labelClass}>Model</label>
          <select id="library-model" value={filters.model} onChange={(e) => change({ model: e.target.value })} className={field}>
            <option value="">All models</option>
            {filters.model && !models.data?.some((m) => m.id === filters.model) && <option value={filters.model}>{filters.model}</option>}
            {models.data?.map((m) => (
              <option key={m.id} value={m.id}>{m.name}</option>
            ))}
          </select>
        </div>
        <div className="flex min-w-0 flex-col gap-1">
          <label htmlFor="library-creator" className={labelClass}>Creator</label>
          <select id="library-creator" value={filters.creator} onChange={(e) => change({ creator: e.target.value })} className={field}>
            <option value="">Everyone</option>
            {filters.creator && !creators.data?.some((c) => c.id === filters.creator) && <option value={filters.creator}>{filters.creator}</option>}
            {creators.data?.map((c) => (
              <option key={c.id} value={c.id}>{c.name}</option>
            ))}
          </select>
        </div>
        <div className="flex min-w-0 flex-col gap-1">
          <label htmlFor="library-status" className={labelClass}>Status</label>
          <select
            id="library-status"
            value={filters.status}
            onChange={(e) => change({ status: e.target.value as LibraryStatus })}
            aria-describedby={endedList && count > 0 ? "library-status-note" : undefined}
            className={field}
          >
            {Object.entries(STATUS_LABELS).map(([status, label]) => (
              <option key={status} value={status}>{label}</option>
            ))}
          </select>
        </div>
        <div className="flex min-w-0 flex-col gap-1">
          <label htmlFor="library-sort" className={labelClass}>Sort</label>
          <select id="library-sort" value={filters.sort} onChange={(e) => change({ sort: e.target.value as LibraryFilters["sort"] })} className={field}>
            {(endedList ? DATE_SORTS : SORTS).map((s) => (
              <option key={s} value={s}>{SORT_LABELS[s]}</option>
            ))}
          </select>
        </div>
      </form>

      {filters.status !== "ready" && count > 0 && (
        <p id="library-status-note" className="mt-4 rounded-lg border border-zinc-200 bg-white px-3 py-2 text-sm text-zinc-600 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-300">
          {STATUS_NOTES[filters.status]}
        </p>
      )}

      <section aria-labelledby="library-results" className="mt-4">
        <h2 id="library-results" className="sr-only">{filters.status === "ready" ? "Tracks" : `${STATUS_LABELS[filters.status]} generations`}</h2>
        {tracks.isPending ? (
          <ul aria-busy="true" aria-label="Loading tracks" className="space-y-2">
            {Array.from({ length: 6 }, (_, i) => <TrackRowSkeleton key={i} />)}
          </ul>
        ) : tracks.isError ? (
          <div role="alert" className="rounded-2xl border border-red-200 bg-red-50 px-6 py-10 text-center dark:border-red-900/60 dark:bg-red-950/30">
            <p className="font-medium text-red-800 dark:text-red-300">The library could not be loaded.</p>
            <p className="mt-1 text-sm text-red-700 dark:text-red-400">{tracks.error.message}</p>
            <button type="button" onClick={() => void tracks.refetch()} className="mt-4 rounded-lg bg-red-600 px-4 py-2 text-sm font-medium text-white hover:bg-red-700">
              Try again
            </button>
          </div>
        ) : count === 0 ? (
          <LibraryEmpty status={filters.status} filtered={filtered} onClearFilters={clearFilters} onShowReady={() => change({ status: "ready" })} />
        ) : (
          <>
            <ul className="space-y-2" aria-busy={tracks.isFetching}>
              {list.map((track) => {
                const isCurrent = player.current?.id === track.id;
                return (
                  <TrackRow
                    key={track.id}
                    track={track}
                    modelName={modelName(track.model)}
                    isCurrent={isCurrent}
                    isPlaying={isCurrent && player.playing}
                    onPlay={() => player.play(track)}
                    onPause={player.pause}
                    onRename={(title) => rename(track, title)}
                    onFavorite={() => favorite.mutate(track)}
                    onDelete={() => remove.mutate(track)}
                  />
                );
              })}
              {ended.map((generation) => (
                <EndedGenerationRow key={generation.id} generation={generation} modelName={modelName(generation.model)} />
              ))}
            </ul>
            <div ref={sentinel} className="mt-4 flex justify-center">
              {tracks.hasNextPage ? (
                <button
                  type="button"
                  onClick={() => void tracks.fetchNextPage()}
                  disabled={tracks.isFetchingNextPage}
                  className="rounded-lg border border-zinc-300 px-4 py-2 text-sm font-medium hover:bg-zinc-100 disabled:opacity-60 dark:border-zinc-700 dark:hover:bg-zinc-800"
                >
                  {tracks.isFetchingNextPage ? "Loading…" : "Load more"}
                </button>
              ) : (
                <p className="text-xs text-zinc-500 dark:text-zinc-400">
                  {filters.status === "ready"
                    ? count === 1 ? "1 track" : `${count} tracks`
                    : `${count} ${STATUS_LABELS[filters.status].toLowerCase()} ${count === 1 ? "generation" : "generations"}`}
                </p>
              )}
            </div>
          </>
        )}
      </section>

      <Toast toast={toast} onDismiss={dismissToast} />
    </>
  );
}
