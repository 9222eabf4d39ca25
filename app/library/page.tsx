import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { AccountMenu } from "@/components/account-menu";
import { LibraryView } from "@/components/library/library-view";
import { PageHeader } from "@/components/page-header";
import { TrackRowSkeleton } from "@/components/library/batch-row";
import { requirePageMember } from "@/lib/auth/page-member";

export const metadata: Metadata = { title: "Library · Venice Studio" };
export const dynamic = "force-dynamic";

export default async function LibraryPage() {
  const member = await requirePageMember();
  return (
    <main className="mx-auto max-w-6xl px-4 pb-16 sm:px-6">
      <PageHeader title="Library">
        <nav aria-label="Studio" className="flex items-center gap-3">
          <Link
            href="/"
            className="rounded-lg bg-accent-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-accent-700"
          >
            Create a track
          </Link>
          <AccountMenu name={member.name} role={member.role} />
        </nav>
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
