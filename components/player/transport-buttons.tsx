import { ICON_BUTTON } from "@/components/player/icon-button";
import { PlayPauseButton } from "@/components/player/play-pause-button";

type Props = {
  title: string;
  playing: boolean;
  disabled: boolean;
  hasNext: boolean;
  onToggle: () => void;
  onPrevious: () => void;
  onNext: () => void;
};

/** Previous, play/pause and next: the queue's controls. */
export function TransportButtons({ title, playing, disabled, hasNext, onToggle, onPrevious, onNext }: Props) {
  return (
    <div className="flex shrink-0 items-center gap-1">
      <button type="button" onClick={onPrevious} aria-label="Previous track" title="Previous track (Shift+←)" className={ICON_BUTTON}>
        <svg aria-hidden viewBox="0 0 24 24" className="size-5 fill-current"><path d="M6 5h2v14H6zM20 5.5v13L9.5 12z" /></svg>
      </button>
      <PlayPauseButton playing={playing} title={title} onToggle={onToggle} disabled={disabled} size="medium" />
      <button type="button" onClick={onNext} disabled={!hasNext} aria-label="Next track" title="Next track (Shift+→)" className={ICON_BUTTON}>
        <svg aria-hidden viewBox="0 0 24 24" className="size-5 fill-current"><path d="M16 5h2v14h-2zM4 5.5v13L14.5 12z" /></svg>
      </button>
    </div>
  );
}
