import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { LibraryView } from "@/components/library/library-view";
import { TrackRowSkeleton } from "@/components/library/track-row";

export const metadata: Metadata = { title: "Library · Venice Studio" };

export default function LibraryPage() {
  return (
    <main className="mx-auto max-w-6xl px-4 pb-16 sm:px-6">
      <header className="flex flex-wrap items-center justify-between gap-4 py-6">
        <div className="flex items-center gap-3">
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src="/icon.svg" alt="" width={36} height={36} className="rounded-lg" />
          <h1 className="text-xl font-semibold tracking-tight">Library</h1>
        </div>
        <Link
          href="/"
          className="rounded-lg bg-accent-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-accent-700"
        >
          Create a track
        </Link>
      </header>
      <Suspense
        fallback={
          <ul aria-busy="true" aria-label="Loading tracks" className="space-y-2">
            {Array.from({ length: 6 }, (_, i) => <TrackRowSkeleton key={i} />)}
          </ul>
        }
      >
        <LibraryView />
      </Suspense>
    </main>
  );
}
