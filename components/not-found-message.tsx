import Link from "next/link";

type Props = {
  /** Whether someone is signed in: then the way back is the studio and its library, otherwise sign-in. */
  signedIn: boolean;
};

const PRIMARY = "inline-flex h-10 items-center rounded-full bg-accent-600 px-5 text-sm font-semibold text-white shadow-sm hover:bg-accent-700";
const SECONDARY =
  "inline-flex h-10 items-center rounded-full px-5 text-sm font-semibold text-zinc-700 inset-ring inset-ring-zinc-300 hover:bg-zinc-100 dark:text-zinc-200 dark:inset-ring-zinc-700 dark:hover:bg-zinc-800";

/** The studio's own 404: what happened, in plain words, and the way back. */
export function NotFoundMessage({ signedIn }: Props) {
  return (
    <div data-testid="page-not-found" className="flex flex-col items-center rounded-2xl border border-dashed border-zinc-300 px-6 py-14 text-center dark:border-zinc-600 dark:bg-zinc-900/40">
      <p aria-hidden className="font-mono text-4xl font-semibold tracking-tight text-accent-600 dark:text-accent-400">404</p>
      <h1 className="mt-3 text-lg font-semibold sm:text-xl">This page does not exist</h1>
      <p className="mt-1 max-w-sm text-sm text-zinc-600 dark:text-zinc-400">
        The address may be mistyped, or it pointed to something that was moved or deleted.
      </p>
      <div className="mt-5 flex flex-wrap justify-center gap-3">
        {signedIn ? (
          <>
            <Link href="/" className={PRIMARY}>
              Go to the studio
            </Link>
            <Link href="/library" className={SECONDARY}>
              Open the library
            </Link>
          </>
        ) : (
          <Link href="/sign-in" className={PRIMARY}>
            Sign in to the studio
          </Link>
        )}
      </div>
    </div>
  );
}
