"use client";

import dynamic from "next/dynamic";
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";

/** What the player needs to know about a track; the library's TrackView fits. */
export type PlayerTrack = {
  id: string;
  title: string;
  format: string;
  durationMs: number;
  audioUrl: string;
  peaksUrl: string;
};

type PlayerContextValue = {
  current: PlayerTrack | null;
  /** Incremented on every play request, so asking for the playing track again restarts nothing but plays it. */
  request: number;
  play: (track: PlayerTrack) => void;
  close: () => void;
};

const PlayerContext = createContext<PlayerContextValue | null>(null);

// The bar (and wavesurfer.js inside it) is only loaded once something is played.
const PlayerBar = dynamic(() => import("@/components/player/player-bar").then((m) => m.PlayerBar), { ssr: false });

/** One player for the whole app: whichever page asks to play replaces the current track. */
export function PlayerProvider({ children }: { children: ReactNode }) {
  const [current, setCurrent] = useState<PlayerTrack | null>(null);
  const [request, setRequest] = useState(0);
  const play = useCallback((track: PlayerTrack) => {
    setCurrent(track);
    setRequest((n) => n + 1);
  }, []);
  const close = useCallback(() => setCurrent(null), []);
  const value = useMemo(() => ({ current, request, play, close }), [current, request, play, close]);
  return (
    <PlayerContext.Provider value={value}>
      {children}
      {current && <PlayerBar key={current.id} track={current} request={request} onClose={close} />}
    </PlayerContext.Provider>
  );
}

export function usePlayer(): PlayerContextValue {
  const value = useContext(PlayerContext);
  if (!value) throw new Error("usePlayer needs a PlayerProvider above it.");
  return value;
}
