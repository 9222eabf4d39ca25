import type { ReactNode } from "react";

/** The studio's page header: its mark, the page's h1, and the page's own links on the right. */
export function PageHeader({ title, children }: { title: string; children: ReactNode }) {
  return (
    <header className="flex flex-wrap items-center justify-between gap-4 py-6">
      <div className="flex items-center gap-3">
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img src="/icon.svg" alt="" width={36} height={36} className="rounded-lg" />
        <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
      </div>
      {children}
    </header>
  );
}
