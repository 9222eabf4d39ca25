import { ICON_BUTTON } from "@/components/player/icon-button";
import { nextRepeat, type Repeat } from "@/components/player/play-queue";
import { ToggleIconButton } from "@/components/player/toggle-icon-button";

const REPEAT_NAMES: Record<Repeat, string> = { off: "Repeat off", all: "Repeat all", one: "Repeat one" };

type Props = {
  repeat: Repeat;
  onRepeat: (repeat: Repeat) => void;
  autoplayNext: boolean;
  onAutoplayNext: (on: boolean) => void;
  normalize: boolean;
  onNormalize: (on: boolean) => void;
  onShowShortcuts: () => void;
};

/** Repeat (off → all → one), autoplay-next and normalize volume, kept as preferences; and the shortcuts overlay. */
export function QueueToggles({ repeat, onRepeat, autoplayNext, onAutoplayNext, normalize, onNormalize, onShowShortcuts }: Props) {
  return (
    <div className="flex items-center gap-1">
      <ToggleIconButton
        label={REPEAT_NAMES[repeat]}
        pressed={repeat !== "off"}
        onToggle={() => onRepeat(nextRepeat(repeat))}
        title={`${REPEAT_NAMES[repeat]} (click for ${REPEAT_NAMES[nextRepeat(repeat)].toLowerCase()})`}
      >
        <svg aria-hidden viewBox="0 0 24 24" className="size-5 fill-none stroke-current stroke-2"><path d="M17 2l3 3-3 3M4 11V9a4 4 0 014-4h12M7 22l-3-3 3-3M20 13v2a4 4 0 01-4 4H4" /></svg>
        {repeat === "one" && (
          <span aria-hidden className="absolute right-0.5 bottom-0.5 rounded-full bg-accent-600 px-1 text-[0.6rem] leading-tight font-bold text-white">1</span>
        )}
      </ToggleIconButton>
      <ToggleIconButton
        label="Autoplay next"
        pressed={autoplayNext}
        onToggle={() => onAutoplayNext(!autoplayNext)}
        title={autoplayNext ? "The next track starts when this one ends" : "Playback stops when a track ends"}
      >
        <svg aria-hidden viewBox="0 0 24 24" className="size-5 fill-none stroke-current stroke-2"><path d="M4 6h11M4 12h7M4 18h7M15 12v7l5-3.5z" strokeLinejoin="round" /></svg>
      </ToggleIconButton>
      <ToggleIconButton
        label="Normalize volume"
        pressed={normalize}
        onToggle={() => onNormalize(!normalize)}
        title={normalize ? "Tracks play level-matched by their measured loudness" : "Tracks play at their own level"}
      >
        <svg aria-hidden viewBox="0 0 24 24" className="size-5 fill-none stroke-current stroke-2"><path d="M3 12h2M7 8v8M11 5v14M15 8v8M19 10v4M21 12h0" strokeLinecap="round" /><path d="M2 12h20" strokeDasharray="2 3" strokeWidth={1} /></svg>
      </ToggleIconButton>
      <button type="button" onClick={onShowShortcuts} aria-haspopup="dialog" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" className={ICON_BUTTON}>
        <svg aria-hidden viewBox="0 0 24 24" className="size-5 fill-none stroke-current stroke-2"><rect x="2" y="6" width="20" height="12" rx="2" /><path d="M6 10h.01M10 10h.01M14 10h.01M18 10h.01M8 14h8" strokeLinecap="round" /></svg>
      </button>
    </div>
  );
}
