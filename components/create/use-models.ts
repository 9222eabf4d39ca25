import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/browser/fetch-json";
import { groupByKind } from "@/lib/browser/model-view";
import type { ModelCapabilities } from "@/lib/venice/capabilities";

/** GET /api/models' answer: every usable model once, each with its kind. */
type ModelList = { models: ModelCapabilities[] };

// In the picker's order, so that the form's first model is the first one the picker shows.
// A module-level function: React Query runs it again only when the answer changes.
const inPickerOrder = ({ models }: ModelList) => groupByKind(models).flatMap((group) => group.models);

export function useModels() {
  return useQuery({
    queryKey: ["models"],
    queryFn: ({ signal }) => fetchJson<ModelList>("/api/models", { signal }),
    select: inPickerOrder,
    staleTime: 5 * 60_000,
  });
}
