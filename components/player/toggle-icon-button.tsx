import type { ReactNode } from "react";
import { ICON_BUTTON } from "@/components/player/icon-button";

type Props = {
  /** The accessible name; the state is aria-pressed, never the name. */
  label: string;
  pressed: boolean;
  onToggle: () => void;
  /** The tooltip, which may say the state and the key. */
  title: string;
  /** The icon (aria-hidden), and a badge over it if any (the button is `relative` for it). */
  children: ReactNode;
};

/** One of the player bar's on/off icon buttons: its look follows its aria-pressed (ICON_BUTTON). */
export function ToggleIconButton({ label, pressed, onToggle, title, children }: Props) {
  return (
    <button type="button" onClick={onToggle} aria-pressed={pressed} aria-label={label} title={title} className={`${ICON_BUTTON} relative`}>
      {children}
    </button>
  );
}
