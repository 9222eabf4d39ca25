// The player bar's round icon buttons. A toggle among them shows it is on from its own
// aria-pressed (so look and state cannot disagree): a tinted disc with a ring, light and dark.
export const ICON_BUTTON =
  "inline-flex size-9 shrink-0 items-center justify-center rounded-full text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 disabled:opacity-40 disabled:hover:bg-transparent dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-white " +
  "aria-pressed:bg-accent-100 aria-pressed:text-accent-700 aria-pressed:ring-1 aria-pressed:ring-accent-600/50 aria-pressed:ring-inset aria-pressed:hover:bg-accent-100 aria-pressed:hover:text-accent-700 " +
  "dark:aria-pressed:bg-accent-700/40 dark:aria-pressed:text-accent-100 dark:aria-pressed:ring-accent-400/60 dark:aria-pressed:hover:bg-accent-700/40 dark:aria-pressed:hover:text-accent-100";
