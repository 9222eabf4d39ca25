import { ICON_BUTTON } from "@/components/player/icon-button";
import type { PlayerTrack } from "@/components/player/player-track";
import { ToggleIconButton } from "@/components/player/toggle-icon-button";

type Props = {
  track: PlayerTrack;
  looping: boolean;
  onToggleLoop: () => void;
  volume: number;
  onVolumeChange: (volume: number) => void;
  muted: boolean;
  onToggleMute: () => void;
};

/** The player bar's controls right of the waveform: loop a region, mute and volume, download. */
export function PlayerBarActions({ track, looping, onToggleLoop, volume, onVolumeChange, muted, onToggleMute }: Props) {
  return (
    <div className="flex items-center gap-1">
      <ToggleIconButton
        label="Loop a region"
        pressed={looping}
        onToggle={onToggleLoop}
        title={looping ? "Looping a region: drag its edges to change it; click or L to stop" : "Loop a region of the track (L)"}
      >
        {/* A bracketed segment with a loop inside: not the queue's repeat arrows beside it. */}
        <svg aria-hidden viewBox="0 0 24 24" className="size-5 fill-none stroke-current stroke-2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M6 4H3v16h3M18 4h3v16h-3" />
          <path d="M15.5 13.5A3.75 3.75 0 1112 8.25h1.5" />
          <path d="M12.5 6.25l2 2-2 2" />
        </svg>
      </ToggleIconButton>
      <ToggleIconButton label="Mute" pressed={muted} onToggle={onToggleMute} title={muted ? "Unmute (M)" : "Mute (M)"}>
        <svg aria-hidden viewBox="0 0 24 24" className="size-5 fill-current">
          <path d="M4 9v6h4l5 4V5L8 9H4z" />
          {muted ? (
            <path d="M16 9.5l5 5m0-5l-5 5" className="fill-none stroke-current stroke-2" />
          ) : (
            <path d="M16.5 12a4.5 4.5 0 00-2.5-4v8a4.5 4.5 0 002.5-4z" />
          )}
        </svg>
      </ToggleIconButton>
      <label className="hidden items-center md:flex">
        <span className="sr-only">Volume</span>
        <input
          type="range"
          min={0}
          max={1}
          step={0.05}
          value={volume}
          onChange={(e) => onVolumeChange(Number(e.target.value))}
          className="w-24 accent-accent-600"
        />
      </label>
      <a
        href={`${track.audioUrl}?download=1`}
        download
        aria-label={`Download ${track.title} (${track.format.toUpperCase()})`}
        title={`Download (${track.format.toUpperCase()})`}
        className={ICON_BUTTON}
      >
        <svg aria-hidden viewBox="0 0 24 24" className="size-5 fill-none stroke-current stroke-2"><path d="M12 4v11m0 0l-4-4m4 4l4-4M5 20h14" /></svg>
      </a>
    </div>
  );
}
