import { useQueries, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { fetchJson } from "@/lib/browser/fetch-json";
import type { GenerationView } from "@/lib/generations/generation-view";

export type Job = Omit<GenerationView, "createdAt"> & { createdAt: string };

const ACTIVE = new Set(["pending", "queued", "processing", "downloaded"]);
export const isActive = (job: Job) => ACTIVE.has(job.status);

/**
 * The jobs this page follows: the creator's jobs in flight (so they survive a reload) and the
 * ones submitted here, each kept after it ends until dismissed. A running job refreshes every
 * second for its progress; /api/events makes status changes show at once.
 */
export function useJobs() {
  const [followed, setFollowed] = useState<string[]>([]);
  const active = useQuery({
    queryKey: ["generations", "active"],
    queryFn: ({ signal }) => fetchJson<{ generations: Job[] }>("/api/generations?active=1", { signal }),
  });
  const activeKey = active.data?.generations.map((job) => job.id).join(",") ?? "";
  // Each newly active job joins the followed ones as the list arrives (in render, not in an
  // effect: no extra render with the old list).
  const [mergedKey, setMergedKey] = useState("");
  if (activeKey !== mergedKey) {
    setMergedKey(activeKey);
    const activeIds = activeKey.split(",").filter(Boolean);
    setFollowed((ids) => [...ids, ...activeIds.filter((id) => !ids.includes(id))]);
  }

  const jobs = useQueries({
    queries: followed.map((id) => ({
      queryKey: ["generation", id],
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchJson<Job>(`/api/generations/${id}`, { signal }),
      initialData: active.data?.generations.find((job) => job.id === id),
      refetchInterval: (query: { state: { data?: Job | undefined } }) =>
        !query.state.data || isActive(query.state.data) ? 1000 : false,
    })),
  });

  return {
    jobs: jobs.flatMap((query) => (query.data ? [query.data] : [])),
    loading: active.isPending,
    follow: (ids: string[]) => setFollowed((current) => [...ids.filter((id) => !current.includes(id)), ...current]),
    dismiss: (id: string) => setFollowed((current) => current.filter((other) => other !== id)),
  };
}
