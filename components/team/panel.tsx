import type { ReactNode } from "react";

/** A titled card of the team and account pages: a section landmark named by its heading. */
export function Panel({ id, title, intro, children }: { id: string; title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <section
      aria-labelledby={`${id}-title`}
      className="rounded-2xl border border-zinc-200 bg-white p-4 shadow-xs sm:p-6 dark:border-zinc-800 dark:bg-zinc-900/60"
    >
      <h2 id={`${id}-title`} className="text-base font-semibold">
        {title}
      </h2>
      {intro ? <div className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{intro}</div> : null}
      <div className="mt-4">{children}</div>
    </section>
  );
}
