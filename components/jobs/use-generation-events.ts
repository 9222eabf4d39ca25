import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";

/** Follows /api/events: a status change refreshes that job and the list of jobs in flight. */
export function useGenerationEvents() {
  const queryClient = useQueryClient();
  useEffect(() => {
    const events = new EventSource("/api/events");
    events.addEventListener("generation", (event) => {
      const { id } = JSON.parse((event as MessageEvent<string>).data) as { id: string };
      void queryClient.invalidateQueries({ queryKey: ["generation", id] });
      void queryClient.invalidateQueries({ queryKey: ["generations", "active"] });
    });
    events.addEventListener("resync", () => {
      void queryClient.invalidateQueries({ queryKey: ["generation"] });
      void queryClient.invalidateQueries({ queryKey: ["generations", "active"] });
    });
    return () => events.close();
  }, [queryClient]);
}
