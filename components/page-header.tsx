import type { ReactNode } from "react";

/**
 * The studio's page header: its mark, the page's h1, and the page's own links on the right,
 * on one row from a 320 px phone up (the title gives way first, truncated).
 */
export function PageHeader({ title, children }: { title: string; children: ReactNode }) {
  return (
    <header className="flex items-center justify-between gap-3 py-4 sm:gap-4 sm:py-6">
      <div className="flex min-w-0 items-center gap-2.5 sm:gap-3">
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img src="/icon.svg" alt="" width={36} height={36} className="size-8 shrink-0 rounded-lg sm:size-9" />
        <h1 className="truncate text-lg font-semibold tracking-tight sm:text-xl">{title}</h1>
      </div>
      <div className="shrink-0">{children}</div>
    </header>
  );
}
