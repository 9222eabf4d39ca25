import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { fetchJson } from "@/lib/browser/fetch-json";
import type { GenerationRequest } from "@/lib/venice/generation-request";

const DEBOUNCE_MS = 400;

/**
 * Venice's own quote for a valid draft, asked ~400 ms after the last change; a stale request
 * is aborted through React Query's signal when the draft (in the key) moves on.
 */
export function useQuote(model: string, request: GenerationRequest | null, takes: number) {
  const key = request ? JSON.stringify({ model, request, takes }) : null;
  const [settled, setSettled] = useState(key);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(key), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [key]);

  const query = useQuery({
    queryKey: ["quote", settled],
    queryFn: ({ signal }) => fetchJson<{ usd: number }>("/api/quote", { method: "POST", body: settled!, signal }),
    enabled: settled !== null && settled === key,
    staleTime: 60_000,
    retry: 1,
  });
  const current = settled === key && query.data !== undefined ? query.data.usd : undefined;
  return { usd: current, error: settled === key ? query.error : null };
}
