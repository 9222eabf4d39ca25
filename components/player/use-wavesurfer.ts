"use client";

import { useCallback, useEffect, useEffectEvent, useRef, useState, type KeyboardEvent, type RefObject } from "react";
import type WaveSurfer from "wavesurfer.js";
import type { WaveSurferOptions } from "wavesurfer.js";
import { fetchStoredWaveform, followColorScheme, peaksChannels, seekSecondsForKey, waveformOptions } from "@/components/player/waveform";

/** What a waveform player needs of a track. */
export type WaveformTrack = { audioUrl: string; peaksUrl: string; durationMs: number };

/** What a player says when the track's audio fails, and when the player itself cannot start. */
export type PlayerMessages = { unplayable: string; unstartable: string };

type Plugins = NonNullable<WaveSurferOptions["plugins"]>;

type Options = {
  track: WaveformTrack;
  /** The waveform's height, px. */
  height: number;
  messages: PlayerMessages;
  /** 0…1; wavesurfer.js's own default when absent. */
  volume?: number;
  muted?: boolean;
  /** Imports and creates the plugins to start with, alongside wavesurfer.js itself. */
  plugins?: () => Promise<Plugins>;
  onPlayingChange?: (playing: boolean) => void;
  /** After each move of `time`. */
  onTimeUpdate?: (ws: WaveSurfer, time: number) => void;
  /** At the end of the track: true when it plays on from elsewhere (a loop), so it has not stopped. */
  onFinish?: (ws: WaveSurfer) => boolean;
  /** Once the waveform is drawn and the audio can play. */
  onLoaded?: (ws: WaveSurfer) => void;
  /** Just before the instance goes (the track changed or the player left the page). */
  onDestroy?: () => void;
};

export type WaveSurferPlayer = {
  /** Where wavesurfer.js draws. */
  containerRef: RefObject<HTMLDivElement | null>;
  /** The instance, once created. */
  wsRef: RefObject<WaveSurfer | null>;
  time: number;
  duration: number;
  playing: boolean;
  /** The waveform is drawn (from the stored peaks) and the audio can play. */
  drawn: boolean;
  error: string | null;
  setError: (message: string) => void;
  /** Plays or pauses; rejects as wavesurfer.js's playPause does. */
  playPause: () => Promise<void>;
  /** Moves the playhead by `seconds` (±Infinity: to an end), within the track. */
  seekBy: (seconds: number) => void;
  /** The waveform slider's keys: arrows seek, Home and End go to an end. */
  onSeekKey: (event: KeyboardEvent<HTMLDivElement>) => void;
};

/**
 * One wavesurfer.js player for `track`, as the player bar and the share page use it. wavesurfer.js
 * is imported on first use; the waveform is drawn at once from the stored peaks and the audio
 * streams through a media element (Range requests). A new `track` gets a new instance, in the
 * same component (the player bar's queue); the instance goes with the component.
 */
export function useWaveSurfer(options: Options): WaveSurferPlayer {
  const { track, height, volume, muted } = options;
  const containerRef = useRef<HTMLDivElement>(null);
  const wsRef = useRef<WaveSurfer | null>(null);
  const [duration, setDuration] = useState(track.durationMs / 1000);
  const [time, setTime] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [drawn, setDrawn] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Another track: what was shown of the last one goes, in this same render.
  const [shownTrack, setShownTrack] = useState(track);
  if (shownTrack !== track) {
    setShownTrack(track);
    setDuration(track.durationMs / 1000);
    setTime(0);
    setPlaying(false);
    setDrawn(false);
    setError(null);
  }

  // The latest options, read by the instance's listeners without re-creating it.
  const createPlugins = useEffectEvent(() => options.plugins?.() ?? Promise.resolve([]));
  const startingLevel = useEffectEvent(() => ({ volume: options.volume, muted: options.muted }));
  const fail = useEffectEvent((kind: keyof PlayerMessages) => setError(options.messages[kind]));
  const playingChanged = useEffectEvent((now: boolean) => {
    setPlaying(now);
    options.onPlayingChange?.(now);
  });
  const timeUpdated = useEffectEvent((ws: WaveSurfer, t: number) => {
    setTime(t);
    options.onTimeUpdate?.(ws, t);
  });
  const finished = useEffectEvent((ws: WaveSurfer) => {
    if (!options.onFinish?.(ws)) playingChanged(false);
  });
  const loaded = useEffectEvent((ws: WaveSurfer) => {
    setDrawn(true);
    options.onLoaded?.(ws);
  });
  const destroying = useEffectEvent(() => options.onDestroy?.());

  useEffect(() => {
    let cancelled = false;
    let ws: WaveSurfer | null = null;
    let unfollow: (() => void) | undefined;
    (async () => {
      const [{ default: WaveSurferClass }, waveform, plugins] = await Promise.all([
        import("wavesurfer.js"),
        fetchStoredWaveform(track.peaksUrl),
        createPlugins(),
      ]);
      if (cancelled || !containerRef.current) return;
      const seconds = (waveform?.durationMs ?? track.durationMs) / 1000;
      ws = WaveSurferClass.create({ ...waveformOptions(containerRef.current, height), plugins });
      const created = ws;
      wsRef.current = ws;
      unfollow = followColorScheme(ws);
      setDuration(seconds);
      const level = startingLevel();
      if (level.volume !== undefined) ws.setVolume(level.volume);
      if (level.muted !== undefined) ws.setMuted(level.muted);
      ws.on("timeupdate", (t) => timeUpdated(created, t));
      ws.on("play", () => playingChanged(true));
      ws.on("pause", () => playingChanged(false));
      ws.on("finish", () => finished(created));
      ws.on("ready", (d) => {
        if (d > 0) setDuration(d);
      });
      ws.on("error", () => fail("unplayable"));
      // Stored peaks + duration: drawn now, without downloading or decoding the whole file.
      await ws.load(track.audioUrl, peaksChannels(waveform), seconds);
      if (!cancelled) loaded(created);
    })().catch(() => {
      if (!cancelled) fail("unstartable");
    });
    return () => {
      cancelled = true;
      destroying();
      unfollow?.();
      ws?.destroy();
      wsRef.current = null;
    };
  }, [track, height]);

  useEffect(() => {
    if (volume !== undefined) wsRef.current?.setVolume(volume);
  }, [volume]);

  useEffect(() => {
    if (muted !== undefined) wsRef.current?.setMuted(muted);
  }, [muted]);

  const playPause = useCallback(async () => {
    await wsRef.current?.playPause();
  }, []);

  function seekBy(seconds: number) {
    const ws = wsRef.current;
    if (!ws) return;
    ws.setTime(Math.min(Math.max(ws.getCurrentTime() + seconds, 0), ws.getDuration() || duration));
    setTime(ws.getCurrentTime());
  }

  function onSeekKey(event: KeyboardEvent<HTMLDivElement>) {
    const seconds = seekSecondsForKey(event.key, event.shiftKey);
    if (seconds === null || !wsRef.current) return;
    event.preventDefault();
    seekBy(seconds);
  }

  return { containerRef, wsRef, time, duration, playing, drawn, error, setError, playPause, seekBy, onSeekKey };
}
