const SIZES = {
  // The player bar's.
  medium: { button: "size-11", icon: "size-5", playNudge: "translate-x-px" },
  // The share page's, the page's one main control.
  large: { button: "size-14", icon: "size-6", playNudge: "translate-x-0.5" },
} as const;

type Props = {
  playing: boolean;
  /** The track's title: the button is named "Play <title>" / "Pause <title>". */
  title: string;
  onToggle: () => void;
  disabled?: boolean;
  size: keyof typeof SIZES;
};

/** The round play/pause button of a player. */
export function PlayPauseButton({ playing, title, onToggle, disabled, size }: Props) {
  const { button, icon, playNudge } = SIZES[size];
  return (
    <button
      type="button"
      onClick={onToggle}
      disabled={disabled}
      aria-label={playing ? `Pause ${title}` : `Play ${title}`}
      title={playing ? "Pause" : "Play"}
      className={`inline-flex ${button} shrink-0 items-center justify-center rounded-full bg-accent-600 text-white shadow-sm hover:bg-accent-700 disabled:opacity-50`}
    >
      {playing ? (
        <svg aria-hidden viewBox="0 0 24 24" className={`${icon} fill-current`}><path d="M7 5h3.5v14H7zM13.5 5H17v14h-3.5z" /></svg>
      ) : (
        // The triangle's visual centre is left of its box's: nudged right to look centred.
        <svg aria-hidden viewBox="0 0 24 24" className={`${icon} ${playNudge} fill-current`}><path d="M8 5.5v13l10.5-6.5z" /></svg>
      )}
    </button>
  );
}
