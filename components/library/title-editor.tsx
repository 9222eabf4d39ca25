"use client";

import type { useInlineRename } from "@/components/library/use-inline-rename";

type Props = {
  trackId: string;
  title: string;
  rename: ReturnType<typeof useInlineRename>;
  /** The field's text size, to match the heading it stands in for. */
  textClass?: string;
};

/** The title's field while it is renamed in place: Enter or leaving it saves, Escape puts it back. */
export function TitleEditor({ trackId, title, rename, textClass = "text-sm" }: Props) {
  const { draft, setDraft, error, saving, save, cancel, inputRef } = rename;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      className="flex flex-col gap-1"
    >
      <label htmlFor={`title-${trackId}`} className="sr-only">New title for {title}</label>
      <input
        id={`title-${trackId}`}
        ref={inputRef}
        value={draft}
        maxLength={200}
        disabled={saving}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Escape") cancel();
        }}
        onBlur={() => void save()}
        aria-invalid={!!error}
        aria-describedby={error ? `title-error-${trackId}` : undefined}
        className={`w-full rounded-md border border-zinc-300 bg-white px-2 py-1 font-medium dark:border-zinc-700 dark:bg-zinc-950 ${textClass}`}
      />
      {error && <p id={`title-error-${trackId}`} className="text-xs text-red-600 dark:text-red-400">{error}</p>}
    </form>
  );
}
