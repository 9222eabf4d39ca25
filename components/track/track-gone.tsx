import Link from "next/link";

/**
 * What the track page says of a track that is not there: an unknown id (the 404 page), or one
 * deleted while the page was open. The way back is the library.
 */
export function TrackGone({ headingLevel }: { headingLevel: 1 | 2 }) {
  const Heading = headingLevel === 1 ? "h1" : "h2";
  return (
    <div data-testid="track-gone" className="flex flex-col items-center rounded-2xl border border-dashed border-zinc-300 px-6 py-14 text-center dark:border-zinc-600 dark:bg-zinc-900/40">
      <svg aria-hidden viewBox="0 0 24 24" className="size-10 fill-none stroke-zinc-400 stroke-[1.5]">
        <path d="M9 18V5l11-2v13" /><circle cx="6" cy="18" r="3" /><circle cx="17" cy="16" r="3" /><path d="M3 3l18 18" strokeLinecap="round" />
      </svg>
      <Heading className="mt-3 text-lg font-semibold">This track does not exist or was deleted</Heading>
      <p className="mt-1 max-w-sm text-sm text-zinc-600 dark:text-zinc-400">
        Looking for another track? Search the library by title, prompt or lyrics, or filter it by model or creator.
      </p>
      <Link
        href="/library"
        className="mt-5 inline-flex h-10 items-center rounded-full bg-accent-600 px-5 text-sm font-semibold text-white shadow-sm hover:bg-accent-700"
      >
        Go to the library
      </Link>
    </div>
  );
}
