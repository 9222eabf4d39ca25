import Link from "next/link";
import { ModeBadge } from "@/components/mode-badge";
import { Studio } from "@/components/studio";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

export default function Home() {
  return (
    <div className="mx-auto max-w-6xl px-4 pb-16 sm:px-6">
      <header className="flex flex-wrap items-center justify-between gap-4 py-6">
        <div className="flex items-center gap-3">
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src="/icon.svg" alt="" width={36} height={36} className="rounded-lg" />
          <h1 className="text-xl font-semibold tracking-tight">Venice Studio</h1>
        </div>
        <nav aria-label="Studio" className="flex items-center gap-4">
          <Link href="/library" className="rounded-md text-sm font-medium text-accent-700 underline-offset-4 hover:underline dark:text-accent-400">
            Library
          </Link>
          <ModeBadge mode={env().mode} />
        </nav>
      </header>
      <main>
        <Studio />
      </main>
    </div>
  );
}
