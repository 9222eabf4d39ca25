import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { LibraryView } from "@/components/library/library-view";
import { PageHeader } from "@/components/page-header";
import { TrackRowSkeleton } from "@/components/library/track-row";

export const metadata: Metadata = { title: "Library · Venice Studio" };

export default function LibraryPage() {
  return (
    <main className="mx-auto max-w-6xl px-4 pb-16 sm:px-6">
      <PageHeader title="Library">
        <Link
          href="/"
          className="rounded-lg bg-accent-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-accent-700"
        >
          Create a track
        </Link>
      </PageHeader>
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
