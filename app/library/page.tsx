import type { Metadata } from "next";
import { Suspense } from "react";
import { AppHeader } from "@/components/app-header";
import { LibraryView } from "@/components/library/library-view";
import { TrackRowSkeleton } from "@/components/library/batch-row";
import { PageMain } from "@/components/page-main";
import { requirePageMember } from "@/lib/auth/page-member";

export const metadata: Metadata = { title: "Library · Venice Studio" };
export const dynamic = "force-dynamic";

export default async function LibraryPage() {
  const member = await requirePageMember();
  return (
    <>
      <AppHeader member={member} title="Library" />
      <PageMain className="mx-auto max-w-6xl px-4 pb-16 sm:px-6">
        <Suspense
          fallback={
            <ul aria-busy="true" aria-label="Loading tracks" className="space-y-2">
              {Array.from({ length: 6 }, (_, i) => <TrackRowSkeleton key={i} />)}
            </ul>
          }
        >
          <LibraryView />
        </Suspense>
      </PageMain>
    </>
  );
}
