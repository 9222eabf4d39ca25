"use client";

import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import { formatTime } from "@/components/player/format-time";
import { PlayPauseButton } from "@/components/player/play-pause-button";
import { PlayerBarActions } from "@/components/player/player-bar-actions";
import type { PlayerControls, PlayerTrack } from "@/components/player/player-context";
import { SeekWaveform } from "@/components/player/seek-waveform";
import { useLoopRegion } from "@/components/player/use-loop-region";
import { useSpaceToPlay } from "@/components/player/use-space-to-play";
import { useWaveSurfer } from "@/components/player/use-wavesurfer";

const MESSAGES = { unplayable: "This track could not be played.", unstartable: "The player could not start." };

type Props = {
  track: PlayerTrack;
  playing: boolean;
  /** Filled with this bar's play and pause once its audio is loaded, emptied when it goes. */
  controlsRef: RefObject<PlayerControls | null>;
  onPlayingChange: (playing: boolean) => void;
  onClose: () => void;
};

/**
 * The app-wide player bar. wavesurfer.js is imported here, on first play only: the waveform is
 * drawn from the stored peaks at once and the audio streams through a media element.
 */
export function PlayerBar({ track, playing, controlsRef, onPlayingChange, onClose }: Props) {
  const [volume, setVolume] = useState(0.8);
  const loop = useLoopRegion();
  const player = useWaveSurfer({
    track,
    height: 44,
    messages: MESSAGES,
    volume,
    plugins: loop.plugins,
    onPlayingChange,
    onTimeUpdate: loop.onTimeUpdate,
    onFinish: loop.onFinish,
    onLoaded: (ws) => {
      controlsRef.current = { play: () => void ws.play().catch(() => undefined), pause: () => ws.pause() };
      void ws.play().catch(() => {
        /* autoplay refused: the play button is there */
      });
    },
    onDestroy: () => {
      controlsRef.current = null;
      loop.forget();
    },
  });
  const { playPause } = player;
  const toggle = useCallback(() => void playPause().catch(() => undefined), [playPause]);
  useSpaceToPlay(toggle);

  const barRef = useRef<HTMLElement>(null);
  const [barHeight, setBarHeight] = useState(72);
  useEffect(() => {
    const bar = barRef.current;
    if (!bar) return;
    const observer = new ResizeObserver(() => setBarHeight(bar.offsetHeight));
    observer.observe(bar);
    return () => observer.disconnect();
  }, []);

  return (
    <>
    {/* Keeps the end of the page reachable above the fixed bar. */}
    <div aria-hidden style={{ height: barHeight }} />
    <section
      ref={barRef}
      aria-label="Player"
      className="fixed inset-x-0 bottom-0 z-40 border-t border-zinc-200 bg-white/95 shadow-[0_-4px_20px_rgba(0,0,0,0.06)] backdrop-blur dark:border-zinc-800 dark:bg-zinc-900/95"
    >
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-3 gap-y-2 px-4 py-3 sm:flex-nowrap sm:px-6">
        <PlayPauseButton playing={playing} title={track.title} onToggle={toggle} disabled={!!player.error} size="medium" />

        <div className="min-w-0 flex-1 sm:w-48 sm:flex-none">
          <p className="truncate text-sm font-medium" title={track.title}>{track.title}</p>
          <p className="font-mono text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
            <span data-testid="player-current-time">{formatTime(player.time)}</span>
            <span aria-hidden> / </span>
            <span className="sr-only"> of </span>
            <span data-testid="player-duration">{formatTime(player.duration)}</span>
          </p>
        </div>

        <div className="order-last w-full min-w-0 sm:order-none sm:w-auto sm:flex-1">
          {player.error ? (
            <p role="alert" className="text-sm text-red-600 dark:text-red-400">{player.error}</p>
          ) : (
            <SeekWaveform containerRef={player.containerRef} time={player.time} duration={player.duration} busy={!player.drawn} onSeekKey={player.onSeekKey} heightClass="h-11" />
          )}
        </div>

        <PlayerBarActions
          track={track}
          looping={loop.looping}
          onToggleLoop={() => loop.toggleLoop(player.wsRef.current, player.duration)}
          volume={volume}
          onVolumeChange={setVolume}
          onClose={onClose}
        />
      </div>
    </section>
    </>
  );
}
