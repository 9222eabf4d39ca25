import type { ReactNode } from "react";

/**
 * The public share page's frame: the studio's mark (not a link: nothing else of the studio is
 * reachable from a share link), the page's card, and a line saying what this page is.
 */
export function ShareFrame({ children }: { children: ReactNode }) {
  return (
    <div className="mx-auto flex min-h-dvh max-w-2xl flex-col px-4 py-6 sm:py-10">
      <header className="flex items-center gap-2.5">
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img src="/icon.svg" alt="" width={32} height={32} className="size-8 rounded-lg" />
        <p className="text-base font-semibold tracking-tight">Venice Studio</p>
      </header>
      <main id="main" tabIndex={-1} className="flex flex-1 flex-col justify-center py-8">
        <div className="rounded-2xl border border-zinc-200 bg-white p-5 shadow-sm sm:p-8 dark:border-zinc-800 dark:bg-zinc-900/60">{children}</div>
      </main>
      <footer className="text-center text-xs text-zinc-600 dark:text-zinc-400">
        Shared from a Venice Studio: a read-only link to one track.
      </footer>
    </div>
  );
}
