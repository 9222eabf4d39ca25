"use client";

import { useMutation } from "@tanstack/react-query";
import { useEffect, useId, useRef } from "react";
import { failureText, removeMember } from "@/components/team/team-api";
import type { TeamMember } from "@/lib/api/team/team-member-view";

type Props = { member: TeamMember; onRemoved: () => void; onClose: () => void };

/**
 * Asks before removing someone, in a modal <dialog> (the browser traps focus, Escape cancels,
 * focus returns to the Remove button). Cancel has the focus: the safe choice is the default.
 */
export function RemoveMemberDialog({ member, onRemoved, onClose }: Props) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const ids = useId();
  const removal = useMutation({
    mutationFn: () => removeMember(member.id),
    onSuccess: () => {
      onRemoved();
      dialogRef.current?.close();
    },
  });

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={`${ids}-title`}
      aria-describedby={`${ids}-body`}
      onClose={onClose}
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-2xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-zinc-950/50 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <div className="space-y-4 p-5 sm:p-6">
        <h2 id={`${ids}-title`} className="text-lg font-semibold break-words">
          Remove {member.name}?
        </h2>
        <p id={`${ids}-body`} className="text-sm text-zinc-600 dark:text-zinc-400">
          {member.email} is signed out at once and can no longer sign in. Their tracks stay in the library and their spend
          stays in the ledger, under “Former member”.
        </p>
        {removal.error ? (
          <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
            {failureText(removal.error)}
          </p>
        ) : null}
        <div className="flex flex-wrap justify-end gap-2">
          <button
            type="button"
            autoFocus
            onClick={() => dialogRef.current?.close()}
            className="rounded-lg border border-zinc-300 bg-white px-4 py-2 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800"
          >
            Cancel
          </button>
          <button
            type="button"
            onClick={() => removal.mutate()}
            disabled={removal.isPending}
            className="rounded-lg bg-red-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-red-700 disabled:opacity-60"
          >
            {removal.isPending ? "Removing…" : `Remove ${member.name}`}
          </button>
        </div>
      </div>
    </dialog>
  );
}
