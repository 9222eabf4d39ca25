/** The first stop of every page's Tab order: past the header to the page's main content (PageMain). */
export function SkipLink() {
  return (
    <a
      href="#main"
      className="sr-only rounded-lg bg-white text-sm font-semibold text-accent-700 shadow-lg focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-50 focus:px-4 focus:py-2 dark:bg-zinc-900 dark:text-accent-400"
    >
      Skip to content
    </a>
  );
}
