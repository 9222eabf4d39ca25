// The player's keyboard shortcuts, in the style of the players people know: the one list the
// key handler matches and the `?` overlay shows.

export type ShortcutAction =
  | "playPause"
  | "seekBack"
  | "seekForward"
  | "previous"
  | "next"
  | "mute"
  | "loop"
  | "nextTake"
  | "keep"
  | "help";

export const SHORTCUTS: { action: ShortcutAction; keys: string[]; label: string }[] = [
  { action: "playPause", keys: ["Space"], label: "Play or pause" },
  { action: "seekBack", keys: ["←"], label: "Back 5 seconds" },
  { action: "seekForward", keys: ["→"], label: "Forward 5 seconds" },
  { action: "previous", keys: ["Shift", "←"], label: "Previous track (or back to the start)" },
  { action: "next", keys: ["Shift", "→"], label: "Next track" },
  { action: "mute", keys: ["M"], label: "Mute or unmute" },
  { action: "loop", keys: ["L"], label: "Loop a region, or stop looping" },
  { action: "nextTake", keys: ["T"], label: "Next take of the batch, at the same position" },
  { action: "keep", keys: ["K"], label: "Mark this take the keeper" },
  { action: "help", keys: ["?"], label: "Show these shortcuts" },
];

/** How far ← and → seek. */
export const SEEK_SECONDS = 5;

type Key = Pick<KeyboardEvent, "key" | "code" | "shiftKey" | "ctrlKey" | "metaKey" | "altKey" | "repeat">;

const LETTERS: Record<string, ShortcutAction> = { m: "mute", l: "loop", t: "nextTake", k: "keep" };

/** The action a key press asks for, or null: browser and system shortcuts (Ctrl, ⌘, Alt) are left alone. */
export function shortcutFor(key: Key): ShortcutAction | null {
  if (key.ctrlKey || key.metaKey || key.altKey) return null;
  if (key.key === "ArrowLeft") return key.shiftKey ? "previous" : "seekBack";
  if (key.key === "ArrowRight") return key.shiftKey ? "next" : "seekForward";
  // Held keys repeat seeking only: a held Space or M would flicker.
  if (key.repeat) return null;
  if (key.code === "Space") return "playPause";
  if (key.key === "?") return "help";
  return key.shiftKey ? null : (LETTERS[key.key.toLowerCase()] ?? null);
}

// Where a key belongs to what has focus: typing, a dialog, or (for Space and the arrows) a
// control the key operates itself.
const TYPING = "input, textarea, select, [contenteditable=''], [contenteditable='true'], [contenteditable='plaintext-only']";
const DIALOG = "dialog, [role='dialog'], [role='alertdialog']";
const PRESSABLE = "button, a, summary, [role='button'], [role='link'], [role='checkbox'], [role='switch'], [role='menuitem'], [role='tab']";
const CHOOSERS = "[role='listbox'], [role='menu'], [role='menubar'], [role='radiogroup'], [role='tablist'], [role='tree'], [role='grid'], [role='combobox']";
const ARROWED = `[role='slider'], [role='spinbutton'], ${CHOOSERS}`;

/** Whether the page, not the player, should have this key: `target` is where the key went. */
export function keyBelongsToFocus(action: ShortcutAction, target: Element | null): boolean {
  if (!target?.closest) return false;
  if (target.closest(TYPING) || target.closest(DIALOG)) return true;
  // A focused seek slider leaves Space to the player: it does not use it.
  if (action === "playPause") return !!target.closest(`${PRESSABLE}, ${CHOOSERS}`);
  if (action === "seekBack" || action === "seekForward" || action === "previous" || action === "next") {
    return !!target.closest(ARROWED);
  }
  return false;
}
