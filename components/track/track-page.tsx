"use client";

import { useQuery } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { ApiFailure, fetchTrack, trackQueryKey } from "@/components/library/library-api";
import { useTrackActions } from "@/components/library/use-track-actions";
import { LoadFailed } from "@/components/load-failed";
import { Toast, type ToastMessage } from "@/components/toast";
import { TrackDetails, TrackFacts } from "@/components/track/track-details";
import { TrackGone } from "@/components/track/track-gone";
import { TrackHero } from "@/components/track/track-hero";
import { TrackTakes } from "@/components/track/track-takes";

const isGone = (error: unknown) => error instanceof ApiFailure && error.status === 404;

/** The track page's body: what GET /api/tracks/:id says of the track, its takes and its settings. */
export function TrackPage({ id }: { id: string }) {
  const query = useQuery({
    queryKey: trackQueryKey(id),
    queryFn: ({ signal }) => fetchTrack(id, signal),
    // A deleted track stays deleted: no retries on a 404.
    retry: (failures, error) => !isGone(error) && failures < 2,
  });
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const dismissToast = useCallback(() => setToast(null), []);
  const say = useCallback((text: string, extra?: Partial<ToastMessage>) => setToast({ id: Date.now(), text, ...extra }), []);
  const actions = useTrackActions(say);

  if (query.isPending) return <TrackPageSkeleton />;
  if (query.isError) {
    if (isGone(query.error)) return <TrackGone headingLevel={2} />;
    return <LoadFailed title="The track could not be loaded." message={query.error.message} onRetry={() => void query.refetch()} />;
  }

  const { track, takes, settings } = query.data;
  return (
    <>
      <TrackHero track={track} takes={takes} actions={actions} />
      {/* On a phone the takes come right under the actions; from md on, under the facts. */}
      <div className="mt-8 grid gap-8 md:grid-cols-3">
        <div className="min-w-0 md:col-span-2 md:row-span-2 md:row-start-1">
          <TrackDetails track={track} settings={settings} />
        </div>
        <div className="min-w-0 md:col-start-3 md:row-start-1">
          <TrackFacts track={track} />
        </div>
        <TrackTakes track={track} takes={takes} className="order-first min-w-0 md:order-none md:col-start-3 md:row-start-2" />
      </div>
      <Toast toast={toast} onDismiss={dismissToast} />
    </>
  );
}

function TrackPageSkeleton() {
  return (
    <div role="status" aria-busy="true" className="flex animate-pulse gap-4 sm:gap-6">
      <span className="sr-only">Loading the track…</span>
      <div className="size-22 shrink-0 rounded-xl bg-zinc-200 sm:size-48 sm:rounded-2xl dark:bg-zinc-800" />
      <div className="flex-1 space-y-3 pt-2">
        <div className="h-3 w-24 rounded bg-zinc-200 dark:bg-zinc-800" />
        <div className="h-7 w-2/3 rounded bg-zinc-200 dark:bg-zinc-800" />
        <div className="h-10 w-full max-w-md rounded bg-zinc-100 dark:bg-zinc-800/70" />
      </div>
    </div>
  );
}
