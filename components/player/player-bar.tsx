"use client";

import { useCallback, useId, useRef, useState, type RefObject } from "react";
import type WaveSurfer from "wavesurfer.js";
import { ICON_BUTTON } from "@/components/player/icon-button";
import { levelGain } from "@/components/player/level-gain";
import { MoreButton } from "@/components/player/more-button";
import { NowPlaying } from "@/components/player/now-playing";
import { PlayerBarActions } from "@/components/player/player-bar-actions";
import { usePlayer, type PlayerControls, type Resume } from "@/components/player/player-context";
import { SEEK_SECONDS } from "@/components/player/player-shortcuts";
import type { PlayerTrack } from "@/components/player/player-track";
import { QueueToggles } from "@/components/player/queue-toggles";
import { SeekWaveform } from "@/components/player/seek-waveform";
import { ShortcutsDialog } from "@/components/player/shortcuts-dialog";
import { TakeSwitch } from "@/components/player/take-switch";
import { TransportButtons } from "@/components/player/transport-buttons";
import { useBarHeight } from "@/components/player/use-bar-height";
import { nextTake, useBatchTakes } from "@/components/player/use-batch-takes";
import { useKeeper } from "@/components/player/use-keeper";
import { useLoopRegion } from "@/components/player/use-loop-region";
import { usePlayerShortcuts } from "@/components/player/use-player-shortcuts";
import { useWaveSurfer } from "@/components/player/use-wavesurfer";

const MESSAGES = { unplayable: "This track could not be played.", unstartable: "The player could not start." };

type Props = {
  track: PlayerTrack;
  playing: boolean;
  /** Filled with this bar's controls once its audio is loaded, emptied when it goes. */
  controlsRef: RefObject<PlayerControls | null>;
  onPlayingChange: (playing: boolean) => void;
  /** At the track's end: true when something plays on (the queue's next, or this one again). */
  onEnded: () => boolean;
  /** Where the A/B switch asked a track to start, given once. */
  takeResume: (trackId: string) => Resume | null;
};

function controlsOf(ws: WaveSurfer): PlayerControls {
  const start = () =>
    void ws.play().catch(() => {
      /* autoplay refused: the play button is there */
    });
  return {
    play: start,
    pause: () => ws.pause(),
    restart: () => {
      ws.setTime(0);
      start();
    },
    position: () => ws.getCurrentTime(),
    isPlaying: () => ws.isPlaying(),
  };
}

/**
 * The app-wide player bar, open while there is a current track: it stays as the queue moves on,
 * a new wavesurfer.js instance per track (imported on first play: the waveform is drawn from the
 * stored peaks at once and the audio streams through a media element). For tests, its root says
 * the track (data-track-id), the playhead (data-position, s) and the level-matching gain (data-gain).
 */
export function PlayerBar({ track, playing, controlsRef, onPlayingChange, onEnded, takeResume }: Props) {
  const player = usePlayer();
  const [volume, setVolume] = useState(0.8);
  const [muted, setMuted] = useState(false);
  const [showShortcuts, setShowShortcuts] = useState(false);
  const [moreOpen, setMoreOpen] = useState(false);
  const moreId = useId();
  const takes = useBatchTakes(track);
  // The batch's answer is fresher than the queue's copy (a keeper marked since, a rename).
  const shown = takes.find((take) => take.id === track.id) ?? track;
  const gain = levelGain(shown.loudnessLufs, player.normalize, takes.map((take) => take.loudnessLufs));
  const loop = useLoopRegion();
  const keeper = useKeeper();
  const audio = useWaveSurfer({
    track,
    height: 44,
    messages: MESSAGES,
    volume: volume * gain,
    muted,
    plugins: loop.plugins,
    onPlayingChange,
    onTimeUpdate: loop.onTimeUpdate,
    onFinish: (ws) => loop.onFinish(ws) || onEnded(),
    onLoaded: (ws) => {
      const controls = controlsOf(ws);
      controlsRef.current = controls;
      const resume = takeResume(track.id);
      if (resume) ws.setTime(resume.time);
      if (!resume || resume.play) controls.play();
    },
    onDestroy: () => {
      controlsRef.current = null;
      loop.forget();
    },
  });
  const { playPause } = audio;
  const toggle = useCallback(() => void playPause().catch(() => undefined), [playPause]);
  const toggleLoop = () => loop.toggleLoop(audio.wsRef.current, audio.duration);
  usePlayerShortcuts({
    playPause: toggle,
    seekBack: () => audio.seekBy(-SEEK_SECONDS),
    seekForward: () => audio.seekBy(SEEK_SECONDS),
    previous: player.previous,
    next: player.next,
    mute: () => setMuted((now) => !now),
    loop: toggleLoop,
    nextTake: () => {
      const to = nextTake(takes, track.id);
      if (to) player.switchTake(to);
    },
    keep: () => keeper.keep(shown),
    help: () => setShowShortcuts(true),
  });

  const barRef = useRef<HTMLElement>(null);
  const barHeight = useBarHeight(barRef);

  return (
    <>
      <div aria-hidden style={{ height: barHeight }} />
      <section
        ref={barRef}
        aria-label="Player"
        data-track-id={track.id}
        data-position={audio.time.toFixed(2)}
        data-gain={gain.toFixed(4)}
        data-ready={audio.drawn && !audio.error}
        className="fixed inset-x-0 bottom-0 z-40 border-t border-zinc-200 bg-white/95 shadow-[0_-4px_20px_rgba(0,0,0,0.06)] backdrop-blur dark:border-zinc-800 dark:bg-zinc-900/95"
      >
        {/*
          One wrapping row. On a phone: transport, title, More and Close; then the waveform with
          the take switch beside it (the waveform's half basis makes it wrap under the first
          line); the rest behind More. From sm: the waveform on its own line, the controls shown
          under it; from lg all on one line. The take switch has a line of its own from sm on.
          The DOM order is the desktop's, which is the focus order.
        */}
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-2 gap-y-2 px-4 py-2 sm:gap-x-3 sm:px-6 sm:py-3">
          <TransportButtons
            title={shown.title}
            playing={playing}
            disabled={!!audio.error}
            hasNext={player.hasNext}
            onToggle={toggle}
            onPrevious={player.previous}
            onNext={player.next}
          />
          <NowPlaying trackId={track.id} title={shown.title} time={audio.time} duration={audio.duration} status={keeper.message} />
          <div className="order-1 min-w-0 grow basis-1/2 sm:order-none sm:basis-full lg:basis-0">
            {audio.error ? (
              <p role="alert" className="text-sm text-red-600 dark:text-red-400">{audio.error}</p>
            ) : (
              <SeekWaveform containerRef={audio.containerRef} time={audio.time} duration={audio.duration} busy={!audio.drawn} onSeekKey={audio.onSeekKey} heightClass="h-11" />
            )}
          </div>
          <MoreButton open={moreOpen} onToggle={() => setMoreOpen((open) => !open)} controls={moreId} />
          <div
            id={moreId}
            className={`${moreOpen ? "flex" : "hidden"} order-3 basis-full items-center justify-between gap-1 sm:order-none sm:flex sm:flex-1 sm:basis-auto lg:flex-none`}
          >
            <QueueToggles
              repeat={player.repeat}
              onRepeat={player.setRepeat}
              autoplayNext={player.autoplayNext}
              onAutoplayNext={player.setAutoplayNext}
              normalize={player.normalize}
              onNormalize={player.setNormalize}
              onShowShortcuts={() => setShowShortcuts(true)}
            />
            <PlayerBarActions
              track={shown}
              looping={loop.looping}
              onToggleLoop={toggleLoop}
              volume={volume}
              onVolumeChange={setVolume}
              muted={muted}
              onToggleMute={() => setMuted((now) => !now)}
            />
          </div>
          <button type="button" onClick={player.close} aria-label="Close the player" title="Close the player" className={ICON_BUTTON}>
            <svg aria-hidden viewBox="0 0 24 24" className="size-5 fill-none stroke-current stroke-2"><path d="M6 6l12 12M18 6L6 18" /></svg>
          </button>
          {takes.length > 1 && <TakeSwitch takes={takes} currentId={track.id} onSwitch={player.switchTake} className="order-2 shrink-0 sm:order-none sm:basis-full" />}
        </div>
      </section>
      {showShortcuts && <ShortcutsDialog onClose={() => setShowShortcuts(false)} />}
    </>
  );
}
