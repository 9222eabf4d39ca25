import Link from "next/link";
import type { LibraryStatus } from "@/lib/api/tracks/library-status";

// What an empty list says: for tracks, how to make one; for the lists of generations without
// a track, that nothing ended that way (good news), and the way back to the tracks.
const NOTHING: Readonly<Record<Exclude<LibraryStatus, "ready">, { title: string; detail: string }>> = {
  failed: { title: "Nothing has failed.", detail: "A generation Venice cannot make would be listed here, with what went wrong." },
  expired: { title: "Nothing has expired.", detail: "A paid generation whose audio Venice discarded before the studio stored it would be listed here." },
  uncertain: { title: "Nothing is uncertain.", detail: "A job the studio could not confirm with Venice would be listed here, so you can check whether it was charged." },
};

const secondaryButton =
  "mt-4 rounded-lg border border-zinc-300 px-4 py-2 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800";

type Props = { status: LibraryStatus; filtered: boolean; onClearFilters: () => void; onShowReady: () => void };

export function LibraryEmpty({ status, filtered, onClearFilters, onShowReady }: Props) {
  const what = status === "ready" ? "track" : `${status} generation`;
  return (
    <div data-testid="library-empty" className="rounded-2xl border border-dashed border-zinc-300 px-6 py-14 text-center dark:border-zinc-700">
      {status === "ready" || filtered ? (
        <svg aria-hidden viewBox="0 0 24 24" className="mx-auto size-10 fill-none stroke-accent-500 stroke-[1.5]"><path d="M9 18V5l11-2v13" /><circle cx="6" cy="18" r="3" /><circle cx="17" cy="16" r="3" /></svg>
      ) : (
        <svg aria-hidden viewBox="0 0 24 24" className="mx-auto size-10 fill-none stroke-emerald-500 stroke-[1.5]"><circle cx="12" cy="12" r="9" /><path d="M8 12.5l2.5 2.5L16 9.5" strokeLinecap="round" strokeLinejoin="round" /></svg>
      )}
      {filtered ? (
        <>
          <p className="mt-3 font-medium">No {what} matches these filters.</p>
          <button type="button" onClick={onClearFilters} className={secondaryButton}>
            Clear filters
          </button>
        </>
      ) : status === "ready" ? (
        <>
          <p className="mt-3 font-medium">Your library is empty.</p>
          <p className="mt-1 text-sm text-zinc-500 dark:text-zinc-400">Every track the studio makes lands here, ready to play and download.</p>
          <Link href="/" className="mt-4 inline-block rounded-lg bg-accent-600 px-4 py-2 text-sm font-medium text-white hover:bg-accent-700">
            Create a track
          </Link>
        </>
      ) : (
        <>
          <p className="mt-3 font-medium">{NOTHING[status].title}</p>
          <p className="mx-auto mt-1 max-w-md text-sm text-zinc-500 dark:text-zinc-400">{NOTHING[status].detail}</p>
          <button type="button" onClick={onShowReady} className={secondaryButton}>
            Show ready tracks
          </button>
        </>
      )}
    </div>
  );
}
