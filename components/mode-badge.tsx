// Below md the badge drops its first or last words from view, and below 390 px all but its dot
// (screen readers still hear them all, and the tooltip says it), so the header keeps the
// page's title whole on one row.
export function ModeBadge({ mode }: { mode: "demo" | "venice" }) {
  if (mode === "venice") {
    return (
      <span
        className="inline-flex shrink-0 items-center gap-1 whitespace-nowrap rounded-full bg-emerald-100 px-2 py-1 text-xs font-medium text-emerald-800 md:gap-2 md:px-3 dark:bg-emerald-950 dark:text-emerald-300"
        title="Connected to Venice: tracks are made by Venice and charged to the studio's Venice balance."
      >
        <span aria-hidden className="size-1.5 rounded-full bg-emerald-500" />
        <span>
          <span className="max-md:sr-only">Connected to </span>
          <span className="max-[389px]:sr-only">Venice</span>
        </span>
      </span>
    );
  }
  return (
    <span
      className="inline-flex shrink-0 items-center gap-1 whitespace-nowrap rounded-full bg-amber-100 px-2 py-1 text-xs font-medium text-amber-900 md:gap-2 md:px-3 dark:bg-amber-950 dark:text-amber-200"
      title="No VENICE_API_KEY is set: the studio talks to its built-in Venice simulator and no money is spent."
    >
      <span aria-hidden className="size-1.5 rounded-full bg-amber-500" />
      <span>
        <span className="max-[389px]:sr-only">Demo</span>
        <span className="max-md:sr-only"> mode</span>
      </span>
    </span>
  );
}
