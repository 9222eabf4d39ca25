"use client";

import { usePlayer } from "@/components/player/player-context";
import type { StudioTrack } from "./track-api";

type Props = {
  track: StudioTrack;
  /** What plays on after it (the batch's finished takes), `track` among them. */
  queue: StudioTrack[];
  /** Names the button: "Play <name>" / "Pause <name>". */
  name: string;
  size?: "small" | "medium";
};

/** Plays a track in the app-wide player bar, or pauses it while it plays there. */
export function TrackPlayButton({ track, queue, name, size = "medium" }: Props) {
  const player = usePlayer();
  const playing = player.current?.id === track.id && player.playing;
  return (
    <button
      type="button"
      onClick={() => (playing ? player.pause() : player.play(track, { queue }))}
      aria-label={`${playing ? "Pause" : "Play"} ${name}`}
      title={playing ? "Pause" : "Play"}
      data-playing={playing}
      className={`inline-flex ${size === "small" ? "size-8" : "size-9"} shrink-0 items-center justify-center rounded-full bg-zinc-900 text-white hover:bg-accent-600 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-accent-400`}
    >
      {playing ? (
        <svg aria-hidden viewBox="0 0 24 24" className="size-4 fill-current"><path d="M7 5h3.5v14H7zM13.5 5H17v14h-3.5z" /></svg>
      ) : (
        // The triangle's visual centre is left of its box's: nudged right to look centred.
        <svg aria-hidden viewBox="0 0 24 24" className="size-4 translate-x-px fill-current"><path d="M8 5.5v13l10.5-6.5z" /></svg>
      )}
    </button>
  );
}
