import type { EndedGeneration } from "@/components/library/library-api";
import { ReuseSettingsLink } from "@/components/library/reuse-settings-link";

// A generation that ended without a track: nothing to play, so the row says what was asked,
// what happened (the worker's own sentence, which says whether money was spent) and offers
// to try again with the same settings.

const BADGES: Readonly<Record<string, { label: string; className: string }>> = {
  failed: { label: "Failed", className: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300" },
  expired: { label: "Expired", className: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-300" },
  uncertain: { label: "Uncertain", className: "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-300" },
};

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

export function EndedGenerationRow({ generation, modelName }: { generation: EndedGeneration; modelName: string }) {
  const badge = BADGES[generation.status] ?? { label: generation.status, className: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300" };
  return (
    <li
      data-testid="generation-row"
      data-generation-id={generation.id}
      className="flex flex-col gap-3 rounded-xl border border-zinc-200 bg-white px-3 py-3 sm:flex-row sm:items-start sm:gap-4 sm:px-4 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div className="min-w-0 flex-1">
        <div className="flex min-w-0 items-center gap-2">
          <span className={`shrink-0 rounded px-1.5 py-0.5 text-xs font-semibold ${badge.className}`}>{badge.label}</span>
          <h3 className="truncate text-sm font-medium sm:text-base" title={generation.title}>{generation.title}</h3>
        </div>
        {/* The title is made from the prompt: the prompt line is shown when it says more. */}
        {generation.prompt !== generation.title && (
          <p className="mt-1 truncate text-xs text-zinc-500 dark:text-zinc-400" title={generation.prompt}>{generation.prompt}</p>
        )}
        {generation.error && <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">{generation.error.message}</p>}
        <p className="mt-2 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-zinc-500 dark:text-zinc-400">
          <span className="max-w-full truncate rounded bg-zinc-100 px-1.5 py-0.5 font-medium text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">{modelName}</span>
          <time dateTime={generation.createdAt}>{dateFormat.format(new Date(generation.createdAt))}</time>
        </p>
      </div>
      <ReuseSettingsLink
        id={generation.id}
        title={generation.title}
        text="Reuse settings"
        className="inline-flex shrink-0 items-center justify-center gap-2 self-start rounded-lg border border-zinc-300 px-3 py-2 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
      />
    </li>
  );
}
