"use client";

import dynamic from "next/dynamic";
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from "react";
import { afterEnd, neighbour, queueFor, withTake, type Repeat } from "@/components/player/play-queue";
import { readPreferences, savePreferences, usePlayerPreferences } from "@/components/player/player-preferences";
import type { PlayerTrack } from "@/components/player/player-track";

export type { PlayerTrack } from "@/components/player/player-track";
export type { Repeat } from "@/components/player/play-queue";

/** What the bar lets the provider do to the track it has loaded. */
export type PlayerControls = {
  play: () => void;
  pause: () => void;
  /** From the start, playing. */
  restart: () => void;
  /** The playhead, seconds. */
  position: () => number;
  isPlaying: () => boolean;
};

/** Where the A/B switch asks the next take to start: where its sibling was, and whether it was playing. */
export type Resume = { trackId: string; time: number; play: boolean };

export type PlayOptions = {
  /** The list `track` plays within (the library's current list, a batch's takes): it becomes the queue. */
  queue?: readonly PlayerTrack[];
};

export type PlayerContextValue = {
  current: PlayerTrack | null;
  /** Whether the current track is playing right now (not loading, paused or finished). */
  playing: boolean;
  /** Plays `track`: loads it in place of the current one, or resumes it when it is the current one. */
  play: (track: PlayerTrack, options?: PlayOptions) => void;
  pause: () => void;
  close: () => void;
  queue: readonly PlayerTrack[];
  next: () => void;
  /** The previous track, or the current one from its start when it has played over 3 s (or is the first). */
  previous: () => void;
  /** Whether `next` goes anywhere: not at the queue's end, unless repeat all. */
  hasNext: boolean;
  repeat: Repeat;
  setRepeat: (repeat: Repeat) => void;
  autoplayNext: boolean;
  setAutoplayNext: (on: boolean) => void;
  /** Whether tracks play level-matched by their measured loudness. */
  normalize: boolean;
  setNormalize: (on: boolean) => void;
  /** The A/B switch: plays another take of the current batch from the current position, playing on if it was. */
  switchTake: (take: PlayerTrack) => void;
};

type QueueState = { queue: readonly PlayerTrack[]; current: PlayerTrack | null };

const EMPTY: QueueState = { queue: [], current: null };
const RESTART_AFTER_SECONDS = 3;

const PlayerContext = createContext<PlayerContextValue | null>(null);

// The bar (and wavesurfer.js inside it) is only loaded once something is played.
const PlayerBar = dynamic(() => import("@/components/player/player-bar").then((m) => m.PlayerBar), { ssr: false });

/** One player for the whole app, across page changes: a queue, whichever page asks to play. */
export function PlayerProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<QueueState>(EMPTY);
  const [playing, setPlaying] = useState(false);
  const preferences = usePlayerPreferences();
  // Set by the bar once its audio is loaded.
  const controls = useRef<PlayerControls | null>(null);
  // The queue as the callbacks last left it: they stay stable and never act on a stale render.
  const stateRef = useRef<QueueState>(EMPTY);
  const resume = useRef<Resume | null>(null);

  /** Shows `track` within `queue`; answers whether it was the current track already (then it is not reloaded). */
  const show = useCallback((queue: readonly PlayerTrack[], track: PlayerTrack | null) => {
    const same = track !== null && stateRef.current.current?.id === track.id;
    const next = { queue, current: same ? stateRef.current.current : track };
    stateRef.current = next;
    setState(next);
    if (!same) {
      resume.current = null;
      setPlaying(false);
    }
    return same;
  }, []);

  const play = useCallback(
    (track: PlayerTrack, options?: PlayOptions) => {
      if (show(queueFor(track, options?.queue, stateRef.current.queue), track)) controls.current?.play();
    },
    [show],
  );
  const pause = useCallback(() => controls.current?.pause(), []);
  const close = useCallback(() => void show([], null), [show]);

  const next = useCallback(() => {
    const { queue, current } = stateRef.current;
    const to = current && neighbour(queue, current.id, 1, readPreferences().repeat === "all");
    if (!current || !to) return;
    if (to.id === current.id) controls.current?.restart();
    else show(queue, to);
  }, [show]);

  const previous = useCallback(() => {
    const { queue, current } = stateRef.current;
    if (!current) return;
    const to = neighbour(queue, current.id, -1, readPreferences().repeat === "all");
    const restart = !to || to.id === current.id || (controls.current?.position() ?? 0) > RESTART_AFTER_SECONDS;
    if (restart) controls.current?.restart();
    else show(queue, to);
  }, [show]);

  /** At a track's end: true when something plays on (the same track again, or the next). */
  const ended = useCallback(() => {
    const { queue, current } = stateRef.current;
    const after = current && afterEnd(queue, current.id, readPreferences());
    if (after === "restart") controls.current?.restart();
    else if (after) show(queue, after);
    return !!after;
  }, [show]);

  const switchTake = useCallback(
    (take: PlayerTrack) => {
      const { queue, current } = stateRef.current;
      if (!current || take.id === current.id) return;
      const bar = controls.current;
      // While the current take is still loading, it carries on the resume it was itself given.
      const from = bar ? { time: bar.position(), play: bar.isPlaying() } : (resume.current ?? { time: 0, play: true });
      show(withTake(queue, current.id, take), take);
      resume.current = { trackId: take.id, time: from.time, play: from.play };
    },
    [show],
  );

  /** The bar takes the resume meant for the track it just loaded, once. */
  const takeResume = useCallback((trackId: string) => {
    const asked = resume.current;
    resume.current = null;
    return asked?.trackId === trackId ? asked : null;
  }, []);

  const { current, queue } = state;
  const { repeat, autoplayNext, normalize } = preferences;
  const hasNext = !!current && neighbour(queue, current.id, 1, repeat === "all") !== null;
  const value = useMemo<PlayerContextValue>(
    () => ({
      current,
      playing,
      play,
      pause,
      close,
      queue,
      next,
      previous,
      hasNext,
      repeat,
      setRepeat: (to) => savePreferences({ repeat: to }),
      autoplayNext,
      setAutoplayNext: (on) => savePreferences({ autoplayNext: on }),
      normalize,
      setNormalize: (on) => savePreferences({ normalize: on }),
      switchTake,
    }),
    [current, playing, play, pause, close, queue, next, previous, hasNext, repeat, autoplayNext, normalize, switchTake],
  );
  return (
    <PlayerContext.Provider value={value}>
      {children}
      {current && (
        <PlayerBar track={current} playing={playing} controlsRef={controls} onPlayingChange={setPlaying} onEnded={ended} takeResume={takeResume} />
      )}
    </PlayerContext.Provider>
  );
}

export function usePlayer(): PlayerContextValue {
  const value = useContext(PlayerContext);
  if (!value) throw new Error("usePlayer needs a PlayerProvider above it.");
  return value;
}
