"use client";

import type { ReactNode } from "react";
import { DATE_SORTS, SORTS, STATUS_LABELS, type Creator, type LibraryFilters, type ModelOption } from "@/components/library/library-api";
import { KeeperIcon, StarIcon } from "@/components/library/track-icons";
import type { LibraryStatus } from "@/lib/api/tracks/library-status";

const SORT_LABELS: Record<(typeof SORTS)[number], string> = {
  newest: "Newest first",
  oldest: "Oldest first",
  title: "Title (A–Z)",
  duration: "Duration",
};

const field =
  "h-10 min-w-0 rounded-lg border border-zinc-300 bg-white px-3 text-sm shadow-sm dark:border-zinc-700 dark:bg-zinc-900";
const labelClass = "text-xs font-medium text-zinc-600 dark:text-zinc-400";

type Props = {
  filters: LibraryFilters;
  /** The search box's text, which runs ahead of `filters.q`. */
  search: string;
  onSearch: (text: string) => void;
  /** The box holds a term too short to search with. */
  shortSearch: boolean;
  onChange: (patch: Partial<LibraryFilters>) => void;
  models: readonly ModelOption[] | undefined;
  creators: readonly Creator[] | undefined;
  /** The note on what the status's list holds is shown (#library-status-note). */
  statusNoteShown: boolean;
};

/** The library's search box and filters. */
export function LibraryToolbar({ filters, search, onSearch, shortSearch, onChange, models, creators, statusNoteShown }: Props) {
  // A list of generations that ended without a track: no favorites or keepers, no title or duration sort.
  const endedList = filters.status !== "ready";
  return (
    <form role="search" aria-label="Library" onSubmit={(e) => e.preventDefault()} className="grid grid-cols-2 gap-3 sm:grid-cols-4 sm:items-end">
      <div className="col-span-2 flex flex-col gap-1">
        <label htmlFor="library-search" className={labelClass}>Search titles and prompts</label>
        <div className="relative">
          <svg aria-hidden viewBox="0 0 24 24" className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 fill-none stroke-zinc-400 stroke-2"><circle cx="11" cy="11" r="6" /><path d="M20 20l-4.5-4.5" /></svg>
          <input
            id="library-search"
            type="search"
            value={search}
            onChange={(e) => onSearch(e.target.value)}
            placeholder="e.g. rain, piano, chorus"
            aria-describedby="library-search-hint"
            className={`${field} w-full pl-9`}
          />
        </div>
      </div>
      <FilterToggle pressed={filters.favorite} disabled={endedList} onToggle={() => onChange({ favorite: !filters.favorite })} tone="favorite">
        <StarIcon filled={filters.favorite} className="size-4" />
        Favorites only
      </FilterToggle>
      <FilterToggle pressed={filters.keepers} disabled={endedList} onToggle={() => onChange({ keepers: !filters.keepers })} tone="keeper">
        <KeeperIcon filled={filters.keepers} className="size-4" />
        Keepers only
      </FilterToggle>
      <p id="library-search-hint" className={`col-span-2 -mt-2 text-xs sm:col-span-4 ${shortSearch ? "text-amber-700 dark:text-amber-400" : "sr-only"}`}>
        {shortSearch ? "Type at least 3 characters to search." : "Search matches titles, prompts and lyrics, from 3 characters."}
      </p>
      <ChoiceFilter id="library-model" label="Model" anyLabel="All models" value={filters.model} choices={models} onChange={(model) => onChange({ model })} />
      <ChoiceFilter id="library-creator" label="Creator" anyLabel="Everyone" value={filters.creator} choices={creators} onChange={(creator) => onChange({ creator })} />
      <div className="flex min-w-0 flex-col gap-1">
        <label htmlFor="library-status" className={labelClass}>Status</label>
        <select
          id="library-status"
          value={filters.status}
          onChange={(e) => onChange({ status: e.target.value as LibraryStatus })}
          aria-describedby={statusNoteShown ? "library-status-note" : undefined}
          className={field}
        >
          {Object.entries(STATUS_LABELS).map(([status, label]) => (
            <option key={status} value={status}>{label}</option>
          ))}
        </select>
      </div>
      <div className="flex min-w-0 flex-col gap-1">
        <label htmlFor="library-sort" className={labelClass}>Sort</label>
        <select id="library-sort" value={filters.sort} onChange={(e) => onChange({ sort: e.target.value as LibraryFilters["sort"] })} className={field}>
          {(endedList ? DATE_SORTS : SORTS).map((s) => (
            <option key={s} value={s}>{SORT_LABELS[s]}</option>
          ))}
        </select>
      </div>
    </form>
  );
}

/**
 * A filter by one of a list (models, creators), "" for any. A chosen id the list does not hold
 * (from the URL, or not loaded yet) stays an option, so the select shows what filters the list.
 */
function ChoiceFilter({ id, label, anyLabel, value, choices, onChange }: {
  id: string;
  label: string;
  anyLabel: string;
  value: string;
  choices: readonly { id: string; name: string }[] | undefined;
  onChange: (value: string) => void;
}) {
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={id} className={labelClass}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} className={field}>
        <option value="">{anyLabel}</option>
        {value && !choices?.some((choice) => choice.id === value) && <option value={value}>{value}</option>}
        {choices?.map((choice) => (
          <option key={choice.id} value={choice.id}>{choice.name}</option>
        ))}
      </select>
    </div>
  );
}

// As aria-pressed variants, so they win over the field's own border and background.
const PRESSED = {
  favorite:
    "aria-pressed:border-amber-400 aria-pressed:bg-amber-50 aria-pressed:text-amber-900 dark:aria-pressed:border-amber-500/70 dark:aria-pressed:bg-amber-950/40 dark:aria-pressed:text-amber-300",
  keeper:
    "aria-pressed:border-emerald-400 aria-pressed:bg-emerald-50 aria-pressed:text-emerald-900 dark:aria-pressed:border-emerald-500/70 dark:aria-pressed:bg-emerald-950/40 dark:aria-pressed:text-emerald-300",
} as const;

/** A filter that is on or off ("Favorites only"); a list of ended generations has neither. */
function FilterToggle({ pressed, disabled, onToggle, tone, children }: {
  pressed: boolean;
  disabled: boolean;
  onToggle: () => void;
  tone: keyof typeof PRESSED;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      disabled={disabled}
      title={disabled ? "Only tracks can be filtered this way" : undefined}
      onClick={onToggle}
      className={`${field} inline-flex items-center justify-center gap-2 font-medium whitespace-nowrap disabled:cursor-not-allowed disabled:opacity-50 ${PRESSED[tone]}`}
    >
      {children}
    </button>
  );
}
