// On phones the badge drops its first or last words from view (screen readers still hear
// them all), so the page header keeps the studio's name whole on one row.
export function ModeBadge({ mode }: { mode: "demo" | "venice" }) {
  if (mode === "venice") {
    return (
      <span className="inline-flex items-center gap-2 whitespace-nowrap rounded-full bg-emerald-100 px-3 py-1 text-xs font-medium text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300">
        <span aria-hidden className="size-1.5 rounded-full bg-emerald-500" />
        <span>
          <span className="max-sm:sr-only">Connected to </span>Venice
        </span>
      </span>
    );
  }
  return (
    <span
      className="inline-flex items-center gap-2 whitespace-nowrap rounded-full bg-amber-100 px-3 py-1 text-xs font-medium text-amber-900 dark:bg-amber-950 dark:text-amber-200"
      title="No VENICE_API_KEY is set: the studio talks to its built-in Venice simulator and no money is spent."
    >
      <span aria-hidden className="size-1.5 rounded-full bg-amber-500" />
      <span>
        Demo<span className="max-sm:sr-only"> mode</span>
      </span>
    </span>
  );
}
