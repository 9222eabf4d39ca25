import type { Metadata } from "next";
import { ShareFrame } from "@/components/share/share-frame";

export const metadata: Metadata = { title: "Link no longer works · Venice Studio", robots: { index: false, follow: false } };

/** A share link that was revoked, expired, never existed, or whose track was deleted: 404. */
export default function ShareLinkGone() {
  return (
    <ShareFrame>
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
      </div>
    </ShareFrame>
  );
}
