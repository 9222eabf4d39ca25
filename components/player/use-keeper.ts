"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { takeName } from "@/components/player/use-batch-takes";
import type { PlayerTrack } from "@/components/player/player-track";
import { ApiFailure, fetchJson } from "@/lib/browser/fetch-json";

const MESSAGE_MS = 5000;

/**
 * The `k` key: marks a take its batch's keeper (PATCH /api/tracks/:id {kept: true}) when the
 * viewer may (the server decides again), then refreshes every track list and track. `message`
 * says what happened, for a status line; it clears itself after a few seconds.
 */
export function useKeeper() {
  const queryClient = useQueryClient();
  const [message, setMessage] = useState("");
  const clearing = useRef<ReturnType<typeof setTimeout> | null>(null);

  function say(text: string) {
    setMessage(text);
    if (clearing.current) clearTimeout(clearing.current);
    clearing.current = setTimeout(() => setMessage(""), MESSAGE_MS);
  }

  const mutation = useMutation({
    mutationFn: (track: PlayerTrack) =>
      fetchJson<unknown>(`/api/tracks/${encodeURIComponent(track.id)}`, { method: "PATCH", body: JSON.stringify({ kept: true }) }),
    onSuccess: (_, track) => say(`${takeName(track)} is the keeper.`),
    onError: (error) => say(error instanceof ApiFailure ? error.message : "The keeper could not be saved. Try again."),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ["tracks"] }),
        queryClient.invalidateQueries({ queryKey: ["track"] }),
      ]),
  });

  function keep(track: PlayerTrack) {
    if (!track.canEdit) return say("Only the track's creator or an admin can mark the keeper.");
    if (track.kept) return say(`${takeName(track)} is the keeper already.`);
    if (!mutation.isPending) mutation.mutate(track);
  }

  return { keep, message };
}
