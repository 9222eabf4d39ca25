import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import type { ReactNode } from "react";
import { AppHeader } from "@/components/app-header";
import { PageMain } from "@/components/page-main";
import { ShareFrame } from "@/components/share/share-frame";
import { currentMember } from "@/lib/auth/member";

export const metadata: Metadata = { title: "Link no longer works · Venice Studio", robots: { index: false, follow: false } };

/**
 * A share link that was revoked, expired, never existed, or whose track was deleted: 404. A
 * visitor sees the public frame, with nothing of the studio to follow; a member signed in to
 * this studio gets its header and the way back to the library.
 */
export default async function ShareLinkGone() {
  const member = await currentMember(await headers());
  if (!member) {
    return (
      <ShareFrame>
        <LinkGone />
      </ShareFrame>
    );
  }
  return (
    <>
      <AppHeader member={member} />
      <PageMain className="mx-auto max-w-2xl px-4 pt-6 pb-16 sm:px-6 sm:pt-10">
        <div className="rounded-2xl border border-zinc-200 bg-white p-5 shadow-sm sm:p-8 dark:border-zinc-800 dark:bg-zinc-900/60">
          <LinkGone>
            <Link
              href="/library"
              className="mt-5 inline-flex h-10 items-center rounded-full bg-accent-600 px-5 text-sm font-semibold text-white shadow-sm hover:bg-accent-700"
            >
              Go to the library
            </Link>
          </LinkGone>
        </div>
      </PageMain>
    </>
  );
}

/** What the page says, and what follows it (a member's way back). */
function LinkGone({ children }: { children?: ReactNode }) {
  return (
    <div className="flex flex-col items-center py-4 text-center">
      <div aria-hidden className="flex size-12 items-center justify-center rounded-full bg-zinc-100 text-zinc-500 dark:bg-zinc-800 dark:text-zinc-400">
        <svg viewBox="0 0 24 24" className="size-6 fill-none stroke-current stroke-2">
          <path d="M9 15l6-6M10.5 6.5l1.8-1.8a4 4 0 015.7 5.7l-1.8 1.8M13.5 17.5l-1.8 1.8a4 4 0 01-5.7-5.7l1.8-1.8M4 4l16 16" strokeLinecap="round" />
        </svg>
      </div>
      <h1 className="mt-4 text-xl font-semibold sm:text-2xl">This link no longer works</h1>
      <p className="mt-2 max-w-sm text-sm text-zinc-600 dark:text-zinc-400">
        Whoever shared it may have revoked it, or it expired. Ask them for a new link.
      </p>
      {children}
    </div>
  );
}
