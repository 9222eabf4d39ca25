import { useQueries, useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useState } from "react";
import { fetchJson } from "@/lib/browser/fetch-json";
import type { GenerationView } from "@/lib/generations/generation-view";
import { readStored, useStored, writeStored } from "./browser-store";
import { usePlayWhenReady } from "./use-play-when-ready";

export type Job = Omit<GenerationView, "createdAt"> & { createdAt: string };

/** The takes of one submit, in take order. */
export type JobBatch = { batchId: string; jobs: Job[] };

const ACTIVE = new Set(["pending", "queued", "processing", "downloaded"]);
export const isActive = (job: Job) => ACTIVE.has(job.status);

// What this browser remembers per member: the jobs it follows, newest first, and the batches
// dismissed (so a batch a stale list still shows in flight does not come back). Both bounded:
// older jobs are in the recent tracks and the library.
type Followed = { ids: string[]; dismissed: string[] };
const MAX_FOLLOWED = 40;
const MAX_DISMISSED = 100;
const NOTHING: Followed = { ids: [], dismissed: [] };

function parseFollowed(text: string | null): Followed {
  try {
    const value = JSON.parse(text ?? "null") as Partial<Followed> | null;
    const strings = (list: unknown) => (Array.isArray(list) ? list.filter((item): item is string => typeof item === "string") : []);
    return value && typeof value === "object" ? { ids: strings(value.ids), dismissed: strings(value.dismissed) } : NOTHING;
  } catch {
    return NOTHING;
  }
}

function updateFollowed(key: string, change: (followed: Followed) => Followed) {
  const next = change(parseFollowed(readStored(key)));
  writeStored(key, JSON.stringify({ ids: next.ids.slice(0, MAX_FOLLOWED), dismissed: next.dismissed.slice(0, MAX_DISMISSED) }));
}

/**
 * The jobs this page follows: the ones submitted here and the member's jobs in flight, each
 * kept after it ends until its batch is dismissed, across reloads (localStorage, per member).
 * A running job refreshes every second for its progress; /api/events makes status changes
 * show at once. `restored` are the ones this page found remembered when it opened.
 */
export function useJobs(memberId: string) {
  const key = `venice-studio:jobs:${memberId}`;
  const stored = useStored(key);
  // One parse per stored text, so the list keeps its identity between renders.
  const followed = useMemo(() => parseFollowed(stored), [stored]);
  const [restored] = useState(() => new Set(parseFollowed(readStored(key)).ids));
  const playWhenReady = usePlayWhenReady();
  // Batches submitted while "play when ready" was on, until their first take plays.
  const [armed, setArmed] = useState<ReadonlySet<string>>(new Set());

  const active = useQuery({
    queryKey: ["generations", "active"],
    queryFn: ({ signal }) => fetchJson<{ generations: Job[] }>("/api/generations?active=1", { signal }),
  });
  // Each newly active job joins the followed ones (in front, as the newest), unless its batch
  // was dismissed.
  useEffect(() => {
    if (!active.data) return;
    const activeJobs = active.data.generations;
    updateFollowed(key, ({ ids, dismissed }) => ({
      ids: [...activeJobs.filter((job) => !ids.includes(job.id) && !dismissed.includes(job.batchId)).map((job) => job.id), ...ids],
      dismissed,
    }));
  }, [active.data, key]);

  const queries = useQueries({
    queries: followed.ids.map((id) => ({
      queryKey: ["generation", id],
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchJson<Job>(`/api/generations/${id}`, { signal }),
      initialData: active.data?.generations.find((job) => job.id === id),
      // An ended job does not change again: no refetch on focus.
      staleTime: (query: { state: { data?: Job | undefined } }) => (query.state.data && !isActive(query.state.data) ? Infinity : 0),
      refetchInterval: (query: { state: { data?: Job | undefined } }) => (!query.state.data || isActive(query.state.data) ? 1000 : false),
    })),
  });
  const jobs = queries.flatMap((query) => (query.data ? [query.data] : []));

  const follow = useCallback(
    (batchId: string, ids: string[]) => {
      updateFollowed(key, ({ ids: current, dismissed }) => ({ ids: [...ids.filter((id) => !current.includes(id)), ...current], dismissed }));
      if (playWhenReady.on) setArmed((batches) => new Set(batches).add(batchId));
    },
    [key, playWhenReady.on],
  );
  const dismiss = useCallback(
    (batch: JobBatch) => {
      const ids = batch.jobs.map((job) => job.id);
      updateFollowed(key, (current) => ({
        ids: current.ids.filter((id) => !ids.includes(id)),
        dismissed: [batch.batchId, ...current.dismissed.filter((other) => other !== batch.batchId)],
      }));
    },
    [key],
  );
  const disarm = useCallback((batchId: string) => setArmed((batches) => new Set([...batches].filter((other) => other !== batchId))), []);

  const batches = groupByBatch(jobs);
  // Until the remembered jobs are in, the cards' batches are not known yet (null), so the recent
  // tracks do not list a batch only to drop it when its card comes back.
  const restoring = active.isPending || queries.some((query, index) => query.isPending && restored.has(followed.ids[index]!));
  const panelBatchIds = restoring ? null : batches.map((batch) => batch.batchId);

  return { jobs, batches, panelBatchIds, restored, loading: active.isPending || queries.some((query) => query.isPending), follow, dismiss, armed, disarm, playWhenReady };
}

/** The jobs by batch, newest batch first; each batch's takes in the order they were followed (take order). */
export function groupByBatch(jobs: readonly Job[]): JobBatch[] {
  const batches = new Map<string, Job[]>();
  for (const job of jobs) batches.set(job.batchId, [...(batches.get(job.batchId) ?? []), job]);
  return [...batches]
    .map(([batchId, takes]) => ({ batchId, jobs: takes }))
    .sort((a, b) => Date.parse(b.jobs[0]!.createdAt) - Date.parse(a.jobs[0]!.createdAt));
}
