"use client";

import dynamic from "next/dynamic";
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from "react";

/** What the player needs to know about a track; the library's TrackView fits. */
export type PlayerTrack = {
  id: string;
  title: string;
  format: string;
  durationMs: number;
  audioUrl: string;
  peaksUrl: string;
};

/** What the bar lets the rest of the app do to the track it has loaded. */
export type PlayerControls = { play: () => void; pause: () => void };

type PlayerContextValue = {
  current: PlayerTrack | null;
  /** Whether the current track is playing right now (not loading, paused or finished). */
  playing: boolean;
  /** Plays `track`: loads it in place of the current one, or resumes it when it is the current one. */
  play: (track: PlayerTrack) => void;
  pause: () => void;
  close: () => void;
};

const PlayerContext = createContext<PlayerContextValue | null>(null);

// The bar (and wavesurfer.js inside it) is only loaded once something is played.
const PlayerBar = dynamic(() => import("@/components/player/player-bar").then((m) => m.PlayerBar), { ssr: false });

/** One player for the whole app: whichever page asks to play replaces the current track. */
export function PlayerProvider({ children }: { children: ReactNode }) {
  const [current, setCurrent] = useState<PlayerTrack | null>(null);
  const [playing, setPlaying] = useState(false);
  // Set by the bar once its audio is loaded; the current id lets `play` stay stable.
  const controls = useRef<PlayerControls | null>(null);
  const currentId = useRef<string | null>(null);

  const play = useCallback((track: PlayerTrack) => {
    if (currentId.current === track.id) return controls.current?.play();
    currentId.current = track.id;
    setPlaying(false);
    setCurrent(track);
  }, []);
  const pause = useCallback(() => controls.current?.pause(), []);
  const close = useCallback(() => {
    currentId.current = null;
    setPlaying(false);
    setCurrent(null);
  }, []);
  const value = useMemo(() => ({ current, playing, play, pause, close }), [current, playing, play, pause, close]);
  return (
    <PlayerContext.Provider value={value}>
      {children}
      {current && (
        <PlayerBar key={current.id} track={current} playing={playing} controlsRef={controls} onPlayingChange={setPlaying} onClose={close} />
      )}
    </PlayerContext.Provider>
  );
}

export function usePlayer(): PlayerContextValue {
  const value = useContext(PlayerContext);
  if (!value) throw new Error("usePlayer needs a PlayerProvider above it.");
  return value;
}
