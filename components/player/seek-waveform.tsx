import type { KeyboardEvent, Ref } from "react";
import { formatTime } from "./format-time";

type Props = {
  /** Where wavesurfer draws. */
  containerRef: Ref<HTMLDivElement>;
  time: number;
  duration: number;
  /** Until the waveform is drawn: a pulsing line in its place. */
  busy: boolean;
  onSeekKey: (event: KeyboardEvent<HTMLDivElement>) => void;
  /** The waveform's height, a Tailwind class such as "h-11". */
  heightClass: string;
} & { [data: `data-${string}`]: string | boolean | undefined };

/** The waveform as a keyboard-operable seek slider, shared by the player bar and the share page. */
export function SeekWaveform({ containerRef, time, duration, busy, onSeekKey, heightClass, ...rest }: Props) {
  return (
    <div
      role="slider"
      tabIndex={0}
      aria-label="Seek"
      aria-valuemin={0}
      aria-valuemax={Math.round(duration)}
      aria-valuenow={Math.round(time)}
      aria-valuetext={`${formatTime(time)} of ${formatTime(duration)}`}
      aria-busy={busy}
      onKeyDown={onSeekKey}
      className={`relative ${heightClass} cursor-pointer rounded-md`}
      {...rest}
    >
      {busy && <div aria-hidden className="absolute inset-x-0 top-1/2 h-1 -translate-y-1/2 animate-pulse rounded bg-zinc-200 dark:bg-zinc-800" />}
      <div ref={containerRef} className={heightClass} />
    </div>
  );
}
