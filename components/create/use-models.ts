import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetch-json";
import type { ModelsByKind } from "@/lib/client/model-view";

export function useModels() {
  return useQuery({
    queryKey: ["models"],
    queryFn: ({ signal }) => fetchJson<ModelsByKind>("/api/models", { signal }),
    staleTime: 5 * 60_000,
  });
}
