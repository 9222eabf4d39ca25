"use client";

/** The "play when ready" opt-in: a batch submitted while it is on plays its first finished take. */
export function PlayWhenReadyToggle({ on, onChange }: { on: boolean; onChange: (on: boolean) => void }) {
  return (
    <div className="text-sm text-zinc-700 dark:text-zinc-300">
      <label className="inline-flex cursor-pointer items-center gap-2 rounded-md">
        <input
          type="checkbox"
          checked={on}
          onChange={(event) => onChange(event.target.checked)}
          aria-describedby="play-when-ready-hint"
          className="size-4 rounded border-zinc-300 accent-accent-600 dark:border-zinc-600"
        />
        Play when ready
      </label>
      <span id="play-when-ready-hint" className="sr-only">
        Plays the first finished take of what you submit next.
      </span>
    </div>
  );
}
