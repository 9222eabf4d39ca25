"use client";

import { useCallback, useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type RefObject } from "react";
import type WaveSurfer from "wavesurfer.js";
import type { Region } from "wavesurfer.js/plugins/regions";
import type RegionsPlugin from "wavesurfer.js/plugins/regions";
import { formatTime } from "@/components/player/format-time";
import { PlayPauseButton } from "@/components/player/play-pause-button";
import type { PlayerControls, PlayerTrack } from "@/components/player/player-context";
import { SeekWaveform } from "@/components/player/seek-waveform";
import { fetchStoredPeaks, followColorScheme, peaksChannels, seekSecondsForKey, waveformOptions } from "@/components/player/waveform";

/**
 * The app-wide player bar. wavesurfer.js is imported here, on first play only: the waveform is
 * drawn from the stored peaks at once and the audio streams through a media element.
 */
type Props = {
  track: PlayerTrack;
  playing: boolean;
  /** Filled with this bar's play and pause once its audio is loaded, emptied when it goes. */
  controlsRef: RefObject<PlayerControls | null>;
  onPlayingChange: (playing: boolean) => void;
  onClose: () => void;
};

export function PlayerBar({ track, playing, controlsRef, onPlayingChange, onClose }: Props) {
  const containerRef = useRef<HTMLDivElement>(null);
  const wsRef = useRef<WaveSurfer | null>(null);
  const regionsRef = useRef<ReturnType<typeof RegionsPlugin.create> | null>(null);
  const loopRegionRef = useRef<Region | null>(null);
  const loopRef = useRef(false);
  const [duration, setDuration] = useState(track.durationMs / 1000);
  const [time, setTime] = useState(0);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [volume, setVolume] = useState(0.8);
  const [loop, setLoop] = useState(false);
  const barRef = useRef<HTMLElement>(null);
  const [barHeight, setBarHeight] = useState(72);

  useEffect(() => {
    const bar = barRef.current;
    if (!bar) return;
    const observer = new ResizeObserver(() => setBarHeight(bar.offsetHeight));
    observer.observe(bar);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    let cancelled = false;
    let ws: WaveSurfer | null = null;
    let unfollow: (() => void) | undefined;
    (async () => {
      const [{ default: WaveSurferClass }, { default: Regions }, peaks] = await Promise.all([
        import("wavesurfer.js"),
        import("wavesurfer.js/plugins/regions"),
        fetchStoredPeaks(track.peaksUrl),
      ]);
      if (cancelled || !containerRef.current) return;
      const regions = Regions.create();
      const seconds = (peaks?.durationMs ?? track.durationMs) / 1000;
      ws = WaveSurferClass.create({ ...waveformOptions(containerRef.current, 44), plugins: [regions] });
      wsRef.current = ws;
      unfollow = followColorScheme(ws);
      regionsRef.current = regions;
      setDuration(seconds);
      ws.setVolume(volumeRef.current);
      ws.on("timeupdate", (t) => {
        setTime(t);
        const region = loopRegionRef.current;
        if (loopRef.current && region && region.end !== undefined && t >= region.end) ws?.setTime(region.start);
      });
      ws.on("play", () => onPlayingChange(true));
      ws.on("pause", () => onPlayingChange(false));
      ws.on("finish", () => {
        const region = loopRegionRef.current;
        if (loopRef.current && region) {
          ws?.setTime(region.start);
          void ws?.play();
        } else onPlayingChange(false);
      });
      ws.on("ready", (d) => {
        if (d > 0) setDuration(d);
        setLoading(false);
      });
      ws.on("error", () => setError("This track could not be played."));
      regions.on("region-updated", (region) => {
        loopRegionRef.current = region;
      });
      // Stored peaks + duration: drawn now, no download or decode of the whole file; the
      // media element streams the audio (Range requests).
      await ws.load(track.audioUrl, peaksChannels(peaks), seconds);
      if (cancelled) return;
      setLoading(false);
      const loaded = ws;
      controlsRef.current = {
        play: () => void loaded.play().catch(() => undefined),
        pause: () => loaded.pause(),
      };
      await ws.play().catch(() => {
        /* autoplay refused: the play button is there */
      });
    })().catch(() => {
      if (!cancelled) setError("The player could not start.");
    });
    return () => {
      cancelled = true;
      controlsRef.current = null;
      unfollow?.();
      ws?.destroy();
      wsRef.current = null;
      regionsRef.current = null;
      loopRegionRef.current = null;
    };
  }, [track, controlsRef, onPlayingChange]);

  const volumeRef = useRef(volume);
  useEffect(() => {
    volumeRef.current = volume;
    wsRef.current?.setVolume(volume);
  }, [volume]);

  const toggle = useCallback(() => {
    void wsRef.current?.playPause().catch(() => undefined);
  }, []);

  const seekBy = useCallback((delta: number) => {
    const ws = wsRef.current;
    if (!ws) return;
    const d = ws.getDuration() || duration;
    ws.setTime(Math.min(Math.max(ws.getCurrentTime() + delta, 0), d));
    setTime(ws.getCurrentTime());
  }, [duration]);

  // Space plays/pauses anywhere, except where it types or presses a control.
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.code !== "Space" || e.repeat || e.ctrlKey || e.metaKey || e.altKey) return;
      const target = e.target as HTMLElement | null;
      if (target?.closest("input, textarea, select, button, a, [contenteditable=''], [contenteditable='true']")) return;
      e.preventDefault();
      toggle();
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [toggle]);

  function onSeekKey(e: ReactKeyboardEvent<HTMLDivElement>) {
    const seconds = seekSecondsForKey(e.key, e.shiftKey);
    if (seconds === null || !wsRef.current) return;
    seekBy(seconds);
    e.preventDefault();
  }

  function toggleLoop() {
    const regions = regionsRef.current;
    const ws = wsRef.current;
    if (!regions || !ws) return;
    if (loop) {
      regions.clearRegions();
      loopRegionRef.current = null;
      loopRef.current = false;
      setLoop(false);
      return;
    }
    const d = ws.getDuration() || duration;
    const start = Math.min(ws.getCurrentTime(), Math.max(0, d - 0.5));
    const end = Math.min(d, start + Math.max(d / 4, 0.5));
    loopRegionRef.current = regions.addRegion({
      start,
      end,
      drag: true,
      resize: true,
      color: "rgba(168, 85, 247, 0.22)",
    });
    loopRef.current = true;
    setLoop(true);
  }

  const iconButton =
    "inline-flex size-9 shrink-0 items-center justify-center rounded-full text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-white";

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
        <PlayPauseButton playing={playing} title={track.title} onToggle={toggle} disabled={!!error} size="medium" />

        <div className="min-w-0 flex-1 sm:w-48 sm:flex-none">
          <p className="truncate text-sm font-medium" title={track.title}>{track.title}</p>
          <p className="font-mono text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
            <span data-testid="player-current-time">{formatTime(time)}</span>
            <span aria-hidden> / </span>
            <span className="sr-only"> of </span>
            <span data-testid="player-duration">{formatTime(duration)}</span>
          </p>
        </div>

        <div className="order-last w-full min-w-0 sm:order-none sm:w-auto sm:flex-1">
          {error ? (
            <p role="alert" className="text-sm text-red-600 dark:text-red-400">{error}</p>
          ) : (
            <SeekWaveform containerRef={containerRef} time={time} duration={duration} busy={loading} onSeekKey={onSeekKey} heightClass="h-11" />
          )}
        </div>

        <div className="flex items-center gap-1">
          <button
            type="button"
            onClick={toggleLoop}
            aria-pressed={loop}
            aria-label="Loop a region"
            title={loop ? "Stop looping (drag the region's edges to change it)" : "Loop a region"}
            className={`${iconButton} ${loop ? "bg-accent-100 text-accent-700 dark:bg-accent-700/30 dark:text-accent-100" : ""}`}
          >
            <svg aria-hidden viewBox="0 0 24 24" className="size-5 fill-none stroke-current stroke-2"><path d="M17 2l3 3-3 3M4 11V9a4 4 0 014-4h12M7 22l-3-3 3-3M20 13v2a4 4 0 01-4 4H4" /></svg>
          </button>
          <label className="hidden items-center gap-1 md:flex">
            <span className="sr-only">Volume</span>
            <svg aria-hidden viewBox="0 0 24 24" className="size-5 fill-current text-zinc-500"><path d="M4 9v6h4l5 4V5L8 9H4zm12.5 3a4.5 4.5 0 00-2.5-4v8a4.5 4.5 0 002.5-4z" /></svg>
            <input
              type="range"
              min={0}
              max={1}
              step={0.05}
              value={volume}
              onChange={(e) => setVolume(Number(e.target.value))}
              className="w-24 accent-accent-600"
            />
          </label>
          <a
            href={`${track.audioUrl}?download=1`}
            download
            aria-label={`Download ${track.title} (${track.format.toUpperCase()})`}
            title={`Download (${track.format.toUpperCase()})`}
            className={iconButton}
          >
            <svg aria-hidden viewBox="0 0 24 24" className="size-5 fill-none stroke-current stroke-2"><path d="M12 4v11m0 0l-4-4m4 4l4-4M5 20h14" /></svg>
          </a>
          <button type="button" onClick={onClose} aria-label="Close the player" className={iconButton}>
            <svg aria-hidden viewBox="0 0 24 24" className="size-5 fill-none stroke-current stroke-2"><path d="M6 6l12 12M18 6L6 18" /></svg>
          </button>
        </div>
      </div>
    </section>
    </>
  );
}
