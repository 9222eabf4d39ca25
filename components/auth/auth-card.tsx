import type { ReactNode } from "react";

/** The centred card that sign-in and sign-up pages are made of. */
export function AuthCard({ title, intro, children, footer }: { title: string; intro: ReactNode; children: ReactNode; footer?: ReactNode }) {
  return (
    <main id="main" tabIndex={-1} className="mx-auto flex min-h-dvh max-w-md flex-col justify-center px-4 py-10">
      <div className="mb-6 flex items-center gap-3">
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img src="/icon.svg" alt="" width={36} height={36} className="size-9 rounded-lg" />
        <p className="text-lg font-semibold tracking-tight">Venice Studio</p>
      </div>
      <div className="space-y-5 rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm dark:border-zinc-800 dark:bg-zinc-900/60">
        <div className="space-y-1.5">
          <h1 className="text-xl font-semibold">{title}</h1>
          <div className="text-sm text-zinc-600 dark:text-zinc-400">{intro}</div>
        </div>
        {children}
      </div>
      {footer ? <div className="mt-4 text-center text-sm text-zinc-600 dark:text-zinc-400">{footer}</div> : null}
    </main>
  );
}
