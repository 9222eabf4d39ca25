import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/browser/fetch-json";

export const BALANCE_QUERY_KEY = ["balance"] as const;

/**
 * The studio's Venice balance in USD; undefined until known, null when Venice does not tell
 * this key. Teammates spend from it too, so it is re-read every minute and after a submit.
 */
export function useBalance(): number | null | undefined {
  const query = useQuery({
    queryKey: BALANCE_QUERY_KEY,
    queryFn: ({ signal }) => fetchJson<{ usd: number | null }>("/api/balance", { signal }),
    staleTime: 30_000,
    refetchInterval: 60_000,
  });
  return query.data?.usd;
}
