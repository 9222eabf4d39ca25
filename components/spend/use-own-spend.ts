import { keepPreviousData, useMutationState, useQuery } from "@tanstack/react-query";
import type { OwnSpend } from "@/lib/api/spend/get-own-spend";
import { fetchJson } from "@/lib/browser/fetch-json";

/**
 * The signed-in member's own spend this month and the room their caps leave (GET
 * /api/spend/me). Asked again after every change the page makes (a submit above all: each
 * finished mutation is in the key) and when the tab comes back into focus.
 */
export function useOwnSpend() {
  const changes = useMutationState({ filters: { status: "success" } }).length;
  return useQuery({
    queryKey: ["spend", "me", changes],
    queryFn: ({ signal }) => fetchJson<OwnSpend>("/api/spend/me", { signal }),
    placeholderData: keepPreviousData,
  });
}
