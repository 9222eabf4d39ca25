import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef } from "react";
import { fetchJson } from "@/lib/browser/fetch-json";
import type { GenerationRequest } from "@/lib/venice/generation-request";
import { BALANCE_QUERY_KEY } from "./use-balance";

export type SubmitAnswer = { batchId: string; generations: { id: string; status: string }[]; quotedUsd: number };

/**
 * One Idempotency-Key per click-intent: the same draft sent again (a double click, a retry
 * after a network error) reuses the key, so the server answers the first batch instead of
 * charging twice. Only a changed draft gets a fresh key.
 */
export function useSubmit(onAccepted: (answer: SubmitAnswer, request: GenerationRequest) => void) {
  const queryClient = useQueryClient();
  const intent = useRef<{ body: string; key: string } | null>(null);
  const mutation = useMutation({
    mutationFn: (body: string) => {
      if (intent.current?.body !== body) intent.current = { body, key: crypto.randomUUID() };
      return fetchJson<SubmitAnswer>("/api/generations", {
        method: "POST",
        body,
        headers: { "Idempotency-Key": intent.current.key },
      });
    },
    onSuccess: (answer, body) => {
      onAccepted(answer, (JSON.parse(body) as { request: GenerationRequest }).request);
      void queryClient.invalidateQueries({ queryKey: ["generations", "active"] });
      void queryClient.invalidateQueries({ queryKey: BALANCE_QUERY_KEY });
    },
  });
  return {
    submit: (model: string, request: GenerationRequest, takes: number) => {
      if (!mutation.isPending) mutation.mutate(JSON.stringify({ model, request, takes }));
    },
    isPending: mutation.isPending,
    /** The last answer's error, with the body it was for. */
    error: mutation.error,
    errorBody: mutation.variables,
  };
}
