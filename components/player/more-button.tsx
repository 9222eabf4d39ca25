import { ICON_BUTTON } from "@/components/player/icon-button";

type Props = {
  open: boolean;
  onToggle: () => void;
  /** The id of the controls it shows and hides. */
  controls: string;
};

/**
 * On a phone only: the disclosure for the bar's secondary controls (repeat, autoplay, normalize,
 * shortcuts, loop, mute, download), so the bar stays two rows high; from `sm` on they are always shown.
 */
export function MoreButton({ open, onToggle, controls }: Props) {
  return (
    <button
      type="button"
      onClick={onToggle}
      aria-expanded={open}
      aria-controls={controls}
      aria-label="More player controls"
      title={open ? "Fewer controls" : "More controls"}
      className={`${ICON_BUTTON} aria-expanded:bg-zinc-100 aria-expanded:text-zinc-900 sm:hidden dark:aria-expanded:bg-zinc-800 dark:aria-expanded:text-white`}
    >
      <svg aria-hidden viewBox="0 0 24 24" className="size-5 fill-current">
        <circle cx="5" cy="12" r="1.75" /><circle cx="12" cy="12" r="1.75" /><circle cx="19" cy="12" r="1.75" />
      </svg>
    </button>
  );
}
