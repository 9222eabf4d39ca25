"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { PlayerProvider } from "@/components/player/player-context";

export function Providers({ children }: { children: ReactNode }) {
  // One client per browser tab; created in state so a re-render never replaces it.
  const [client] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 10_000, refetchOnWindowFocus: true } } }),
  );
  return (
    <QueryClientProvider client={client}>
      <PlayerProvider>{children}</PlayerProvider>
    </QueryClientProvider>
  );
}
