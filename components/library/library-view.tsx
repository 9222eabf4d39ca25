"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useCallback, useMemo, useState } from "react";
import { fetchCreators, fetchLibraryPage, fetchModelOptions, mergeBatches } from "@/components/library/library-api";
import { LibraryList } from "@/components/library/library-list";
import { LibraryToolbar } from "@/components/library/library-toolbar";
import { useLibraryFilters } from "@/components/library/use-library-filters";
import { useTrackActions } from "@/components/library/use-track-actions";
import { Toast, type ToastMessage } from "@/components/toast";
import { ENDED_LIST_NOTES } from "@/lib/failure-wording";

export function LibraryView() {
  const { filters, queryFilters, search, setSearch, shortSearch, filtered, change, clearFilters } = useLibraryFilters();

  const pages = useInfiniteQuery({
    queryKey: ["tracks", queryFilters] as const,
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
  const actions = useTrackActions(say);

  // Memoized: the rows' play queue is built from them, and stays the same list while they do.
  const batches = useMemo(() => mergeBatches(pages.data?.pages ?? []), [pages.data]);
  const ended = pages.data?.pages.flatMap((p) => p.generations) ?? [];
  const statusNote = filters.status === "ready" || ended.length === 0 ? null : ENDED_LIST_NOTES[filters.status];

  return (
    <>
      <LibraryToolbar
        filters={filters}
        search={search}
        onSearch={setSearch}
        shortSearch={shortSearch}
        onChange={change}
        models={models.data}
        creators={creators.data}
        statusNoteShown={statusNote !== null}
      />

      {statusNote && (
        <p id="library-status-note" className="mt-4 rounded-lg border border-zinc-200 bg-white px-3 py-2 text-sm text-zinc-600 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-300">
          {statusNote}
        </p>
      )}

      <LibraryList
        pages={pages}
        batches={batches}
        ended={ended}
        status={filters.status}
        filtered={filtered}
        modelName={modelName}
        actions={actions}
        onClearFilters={clearFilters}
        onShowReady={() => change({ status: "ready" })}
      />

      <Toast toast={toast} onDismiss={dismissToast} />
    </>
  );
}
