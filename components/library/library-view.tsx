"use client";

import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type InfiniteData } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  deleteTrack,
  fetchModelOptions,
  fetchTracks,
  filtersFromParams,
  filtersToSearch,
  patchTrack,
  restoreTrack,
  SORTS,
  type LibraryFilters,
  type LibraryTrack,
  type TrackPage,
} from "@/components/library/library-api";
import { Toast, type ToastMessage } from "@/components/library/toast";
import { TrackRow, TrackRowSkeleton } from "@/components/library/track-row";
import { usePlayer } from "@/components/player/player-context";

const SORT_LABELS: Record<(typeof SORTS)[number], string> = {
  newest: "Newest first",
  oldest: "Oldest first",
  title: "Title (A–Z)",
  duration: "Duration",
};

const field =
  "h-10 rounded-lg border border-zinc-300 bg-white px-3 text-sm shadow-sm dark:border-zinc-700 dark:bg-zinc-900";

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

  const navigate = useCallback(
    (next: LibraryFilters, mode: "push" | "replace") => {
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
    queryFn: ({ pageParam, signal }) => fetchTracks(queryFilters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

  const models = useQuery({ queryKey: ["model-options"], queryFn: fetchModelOptions, staleTime: 5 * 60_000 });
  const modelName = useCallback(
    (id: string) => models.data?.find((m) => m.id === id)?.name ?? id,
    [models.data],
  );

  const [toast, setToast] = useState<ToastMessage | null>(null);
  const dismissToast = useCallback(() => setToast(null), []);
  const say = useCallback((text: string, extra?: Partial<ToastMessage>) => setToast({ id: Date.now(), text, ...extra }), []);

  /** Applies a change to a track in every cached library page. */
  const updateCached = useCallback(
    (id: string, change: (track: LibraryTrack) => LibraryTrack | null) => {
      queryClient.setQueriesData<InfiniteData<TrackPage, string | null>>({ queryKey: ["tracks"] }, (data) =>
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
  const filtered = activeQ !== "" || filters.model !== "" || filters.favorite;
  const shortSearch = search.trim().length > 0 && search.trim().length < 3;

  return (
    <>
      <form role="search" aria-label="Library" onSubmit={(e) => e.preventDefault()} className="grid grid-cols-2 gap-3 sm:grid-cols-[1fr_auto_auto_auto] sm:items-start">
        <div className="col-span-2 flex flex-col gap-1 sm:col-span-1">
          <label htmlFor="library-search" className="text-xs font-medium text-zinc-600 dark:text-zinc-400">Search titles and prompts</label>
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
          <p id="library-search-hint" className={`text-xs ${shortSearch ? "text-amber-700 dark:text-amber-400" : "sr-only"}`}>
            {shortSearch ? "Type at least 3 characters to search." : "Search starts after 3 characters."}
          </p>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="library-model" className="text-xs font-medium text-zinc-600 dark:text-zinc-400">Model</label>
          <select
            id="library-model"
            value={filters.model}
            onChange={(e) => navigate({ ...filters, q: activeQ, model: e.target.value }, "push")}
            className={`${field} min-w-0 sm:max-w-56`}
          >
            <option value="">All models</option>
            {filters.model && !models.data?.some((m) => m.id === filters.model) && <option value={filters.model}>{filters.model}</option>}
            {models.data?.map((m) => (
              <option key={m.id} value={m.id}>{m.name}</option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="library-sort" className="text-xs font-medium text-zinc-600 dark:text-zinc-400">Sort</label>
          <select
            id="library-sort"
            value={filters.sort}
            onChange={(e) => navigate({ ...filters, q: activeQ, sort: e.target.value as LibraryFilters["sort"] }, "push")}
            className={field}
          >
            {SORTS.map((s) => (
              <option key={s} value={s}>{SORT_LABELS[s]}</option>
            ))}
          </select>
        </div>
        <div className="col-span-2 flex flex-col gap-1 sm:col-span-1">
          <span aria-hidden className="hidden text-xs font-medium sm:block">&nbsp;</span>
          <button
            type="button"
            aria-pressed={filters.favorite}
            onClick={() => navigate({ ...filters, q: activeQ, favorite: !filters.favorite }, "push")}
            className={`${field} inline-flex items-center justify-center gap-2 font-medium ${
              filters.favorite ? "border-amber-400 bg-amber-50 text-amber-800 dark:border-amber-500/60 dark:bg-amber-500/10 dark:text-amber-300" : ""
            }`}
          >
            <svg aria-hidden viewBox="0 0 24 24" className={`size-4 stroke-current stroke-2 ${filters.favorite ? "fill-current" : "fill-none"}`}>
              <path d="M12 3.5l2.6 5.3 5.9.9-4.25 4.1 1 5.8L12 16.9l-5.25 2.7 1-5.8L3.5 9.7l5.9-.9z" strokeLinejoin="round" />
            </svg>
            Favorites only
          </button>
        </div>
      </form>

      <section aria-labelledby="library-results" className="mt-4">
        <h2 id="library-results" className="sr-only">Tracks</h2>
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
        ) : list.length === 0 ? (
          <div className="rounded-2xl border border-dashed border-zinc-300 px-6 py-14 text-center dark:border-zinc-700">
            <svg aria-hidden viewBox="0 0 24 24" className="mx-auto size-10 fill-none stroke-accent-500 stroke-[1.5]"><path d="M9 18V5l11-2v13" /><circle cx="6" cy="18" r="3" /><circle cx="17" cy="16" r="3" /></svg>
            {filtered ? (
              <>
                <p className="mt-3 font-medium">No track matches these filters.</p>
                <button
                  type="button"
                  onClick={() => {
                    lastPushedQ.current = "";
                    setSearch("");
                    navigate({ q: "", model: "", favorite: false, sort: filters.sort }, "push");
                  }}
                  className="mt-3 rounded-lg border border-zinc-300 px-4 py-2 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
                >
                  Clear filters
                </button>
              </>
            ) : (
              <>
                <p className="mt-3 font-medium">Your library is empty.</p>
                <p className="mt-1 text-sm text-zinc-500 dark:text-zinc-400">Every track the studio makes lands here, ready to play and download.</p>
                <Link href="/" className="mt-4 inline-block rounded-lg bg-accent-600 px-4 py-2 text-sm font-medium text-white hover:bg-accent-700">
                  Create a track
                </Link>
              </>
            )}
          </div>
        ) : (
          <>
            <ul className="space-y-2" aria-busy={tracks.isFetching}>
              {list.map((track) => (
                <TrackRow
                  key={track.id}
                  track={track}
                  modelName={modelName(track.model)}
                  isCurrent={player.current?.id === track.id}
                  onPlay={() => player.play(track)}
                  onRename={(title) => rename(track, title)}
                  onFavorite={() => favorite.mutate(track)}
                  onDelete={() => remove.mutate(track)}
                />
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
                  {list.length === 1 ? "1 track" : `${list.length} tracks`}
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
