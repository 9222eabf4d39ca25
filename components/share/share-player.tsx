"use client";

import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from "react";
import type WaveSurfer from "wavesurfer.js";
import { formatTime } from "@/components/player/format-time";
import { PlayPauseButton } from "@/components/player/play-pause-button";
import { SeekWaveform } from "@/components/player/seek-waveform";
import { fetchStoredPeaks, followColorScheme, peaksChannels, seekSecondsForKey, waveformOptions } from "@/components/player/waveform";
import type { SharedTrack } from "@/lib/api/shares/get-shared-track";

/**
 * The share page's player: the stored waveform, drawn at once, with play/pause, keyboard
 * seeking and the download. The audio streams from the link's own URL (Range requests).
 */
export function SharePlayer({ track }: { track: SharedTrack }) {
  const containerRef = useRef<HTMLDivElement>(null);
  const wsRef = useRef<WaveSurfer | null>(null);
  const [duration, setDuration] = useState(track.durationMs / 1000);
  const [time, setTime] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [drawn, setDrawn] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    let ws: WaveSurfer | null = null;
    let unfollow: (() => void) | undefined;
    (async () => {
      const [{ default: WaveSurferClass }, peaks] = await Promise.all([import("wavesurfer.js"), fetchStoredPeaks(track.peaksUrl)]);
      if (cancelled || !containerRef.current) return;
      const seconds = (peaks?.durationMs ?? track.durationMs) / 1000;
      ws = WaveSurferClass.create(waveformOptions(containerRef.current, 80));
      wsRef.current = ws;
      unfollow = followColorScheme(ws);
      ws.on("timeupdate", setTime);
      ws.on("play", () => setPlaying(true));
      ws.on("pause", () => setPlaying(false));
      ws.on("finish", () => setPlaying(false));
      ws.on("ready", (d) => {
        if (d > 0) setDuration(d);
      });
      ws.on("error", () => setError("This track could not be played. Try downloading it instead."));
      await ws.load(track.audioUrl, peaksChannels(peaks), seconds);
      if (!cancelled) setDrawn(true);
    })().catch(() => {
      if (!cancelled) setError("The player could not start. Try downloading the track instead.");
    });
    return () => {
      cancelled = true;
      unfollow?.();
      ws?.destroy();
      wsRef.current = null;
    };
  }, [track]);

  const toggle = useCallback(() => {
    void wsRef.current?.playPause().catch(() => setError("This track could not be played. Try downloading it instead."));
  }, []);

  function onSeekKey(e: KeyboardEvent<HTMLDivElement>) {
    const ws = wsRef.current;
    const seconds = seekSecondsForKey(e.key, e.shiftKey);
    if (seconds === null || !ws) return;
    e.preventDefault();
    ws.setTime(Math.min(Math.max(ws.getCurrentTime() + seconds, 0), ws.getDuration() || duration));
    setTime(ws.getCurrentTime());
  }

  return (
    <div className="space-y-5">
      <div className="flex items-center gap-4">
        <PlayPauseButton playing={playing} title={track.title} onToggle={toggle} disabled={!!error} size="large" />
        <div className="min-w-0 flex-1">
          {error ? (
            <p role="alert" className="text-sm text-red-600 dark:text-red-400">{error}</p>
          ) : (
            <SeekWaveform
              containerRef={containerRef}
              time={time}
              duration={duration}
              busy={!drawn}
              onSeekKey={onSeekKey}
              heightClass="h-20"
              data-testid="share-waveform"
              data-drawn={drawn}
            />
          )}
          <p className="mt-1 font-mono text-xs text-zinc-600 tabular-nums dark:text-zinc-400">
            <span data-testid="share-current-time">{formatTime(time)}</span>
            <span aria-hidden> / </span>
            <span className="sr-only"> of </span>
            <span>{formatTime(duration)}</span>
          </p>
        </div>
      </div>
      <a
        href={`${track.audioUrl}?download=1`}
        download
        className="inline-flex items-center gap-2 rounded-lg border border-zinc-300 px-4 py-2 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
      >
        <svg aria-hidden viewBox="0 0 24 24" className="size-4 fill-none stroke-current stroke-2"><path d="M12 4v11m0 0l-4-4m4 4l4-4M5 20h14" /></svg>
        Download {track.format.toUpperCase()}
      </a>
    </div>
  );
}
