"use client";

import { useCallback } from "react";
import { formatTime } from "@/components/player/format-time";
import { PlayPauseButton } from "@/components/player/play-pause-button";
import { SeekWaveform } from "@/components/player/seek-waveform";
import { useWaveSurfer } from "@/components/player/use-wavesurfer";
import type { SharedTrack } from "@/lib/api/shares/get-shared-track";

const MESSAGES = {
  unplayable: "This track could not be played. Try downloading it instead.",
  unstartable: "The player could not start. Try downloading the track instead.",
};

/**
 * The share page's player: the stored waveform, drawn at once, with play/pause, keyboard
 * seeking and the download. The audio streams from the link's own URL (Range requests).
 */
export function SharePlayer({ track }: { track: SharedTrack }) {
  const { containerRef, time, duration, playing, drawn, error, setError, playPause, onSeekKey } = useWaveSurfer({
    track,
    height: 80,
    messages: MESSAGES,
  });

  const toggle = useCallback(() => {
    void playPause().catch(() => setError(MESSAGES.unplayable));
  }, [playPause, setError]);

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
