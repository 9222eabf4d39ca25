// The player bar's round icon buttons, and how a toggle among them shows it is on.
export const ICON_BUTTON =
  "inline-flex size-9 shrink-0 items-center justify-center rounded-full text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 disabled:opacity-40 disabled:hover:bg-transparent dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-white";

export const PRESSED = "bg-accent-100 text-accent-700 dark:bg-accent-700/30 dark:text-accent-100";
