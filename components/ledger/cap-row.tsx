"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { UsdAmount } from "@/components/money/usd-amount";
import { ApiFailure } from "@/lib/browser/fetch-json";
import { centsText, formatUsd } from "@/lib/money";

type Props = {
  /** Unique among the rows: names the row's controls. */
  id: string;
  name: string;
  detail?: string;
  spentUsd: number;
  capUsd: number | null;
  /** Null when the viewer may not set this cap: why not. */
  lockedReason: string | null;
  save: (capUsd: number | null) => Promise<unknown>;
};

/** One monthly cap: the month's spend against it, and an inline editor (empty = no cap). */
export function CapRow({ id, name, detail, spentUsd, capUsd, lockedReason, save }: Props) {
  const [draft, setDraft] = useState(capUsd === null ? "" : centsText(capUsd));
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: save,
    onSuccess: (_answer, cap) => {
      setError(null);
      setSaved(cap === null ? "Saved: no cap." : `Saved: ${formatUsd(cap)} a month.`);
      if (cap !== null) setDraft(centsText(cap));
    },
    onError: (failure) => {
      setSaved(null);
      setError(failure instanceof ApiFailure ? (failure.fields.capUsd?.[0] ?? failure.message) : "The studio could not be reached. Try again.");
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const text = draft.trim().replace(/^\$/, "");
    const cap = text === "" ? null : Number(text);
    if (cap !== null && !Number.isFinite(cap)) {
      setSaved(null);
      setError("Enter an amount in dollars, like 12.50, or leave it empty for no cap.");
      return;
    }
    mutation.mutate(cap);
  }

  const share = capUsd === null ? null : capUsd === 0 ? 1 : Math.min(1, spentUsd / capUsd);
  const inputId = `cap-${id}`;
  const messageId = `cap-${id}-message`;
  return (
    <li data-testid="cap-row" data-cap-for={id} className="grid gap-x-4 gap-y-2 py-3 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto] sm:items-center">
      <div className="min-w-0">
        <p className="truncate font-medium">{name}</p>
        {detail ? <p className="truncate text-sm text-zinc-600 dark:text-zinc-400">{detail}</p> : null}
      </div>
      <div className="min-w-0 text-sm">
        <p data-testid="cap-spend">
          <UsdAmount usd={spentUsd} /> spent
          <span className="text-zinc-600 dark:text-zinc-400">{capUsd === null ? " · no cap" : ` of ${formatUsd(capUsd)}`}</span>
        </p>
        {share !== null ? (
          <div aria-hidden="true" className="mt-1.5 h-1.5 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800">
            <div
              className={`h-full rounded-full ${share >= 1 ? "bg-red-600" : share >= 0.8 ? "bg-amber-500" : "bg-accent-600"}`}
              style={{ width: `${Math.max(share * 100, spentUsd > 0 ? 2 : 0)}%` }}
            />
          </div>
        ) : null}
      </div>
      {lockedReason ? (
        <p className="text-sm text-zinc-600 sm:text-right dark:text-zinc-400">{lockedReason}</p>
      ) : (
        <form onSubmit={submit} noValidate className="flex flex-wrap items-start gap-2 sm:justify-end">
          <div>
            <label htmlFor={inputId} className="sr-only">
              Monthly cap for {name}, US dollars
            </label>
            <div className="relative">
              <span aria-hidden="true" className="pointer-events-none absolute inset-y-0 left-2.5 flex items-center text-sm text-zinc-500 dark:text-zinc-400">
                $
              </span>
              <input
                id={inputId}
                inputMode="decimal"
                autoComplete="off"
                placeholder="No cap"
                value={draft}
                onChange={(event) => {
                  setDraft(event.target.value);
                  setSaved(null);
                }}
                aria-invalid={error ? true : undefined}
                aria-describedby={messageId}
                className="h-9 w-32 rounded-lg border border-zinc-300 bg-white pr-2.5 pl-6 text-sm shadow-xs aria-invalid:border-red-600 dark:border-zinc-700 dark:bg-zinc-950 dark:aria-invalid:border-red-500"
              />
            </div>
          </div>
          <button
            type="submit"
            disabled={mutation.isPending}
            className="h-9 rounded-lg bg-accent-600 px-3 text-sm font-medium text-white hover:bg-accent-700 disabled:opacity-60"
          >
            {mutation.isPending ? "Saving…" : "Save"}
            <span className="sr-only"> cap for {name}</span>
          </button>
          <p id={messageId} role={error ? "alert" : "status"} className={`basis-full text-sm sm:text-right ${error ? "text-red-700 dark:text-red-400" : "text-zinc-600 dark:text-zinc-400"}`}>
            {error ?? saved ?? ""}
          </p>
        </form>
      )}
    </li>
  );
}
