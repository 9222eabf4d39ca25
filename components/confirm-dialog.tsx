"use client";

import { useId, type ReactNode } from "react";
import { MODAL_PANEL, useModalDialog } from "@/components/modal-dialog";

type Props = {
  /** The question, e.g. "Delete “Rain”?"; it names the dialog. */
  title: ReactNode;
  /** What the action does; it describes the dialog. */
  children: ReactNode;
  /** The last attempt's failure, shown as an alert. */
  error?: string | null;
  /** The action is running: its button says `busyLabel` and is disabled. */
  busy: boolean;
  busyLabel: string;
  /** The danger button's text, e.g. "Delete" or "Remove Ann". */
  confirmLabel: string;
  /** The action succeeded and the page is moving on: its button stays disabled. */
  done?: boolean;
  /** Runs the action; `close` closes the dialog (when it should not just go with its page). */
  onConfirm: (close: () => void) => void;
  /** The dialog closed: Cancel, Escape, or `close` after the action. */
  onClose: () => void;
};

/**
 * Asks before a destructive action, in a modal <dialog> (the browser traps focus, Escape
 * cancels, focus returns to the button that opened it). Cancel has the focus: the safe choice
 * is the default.
 */
export function ConfirmDialog({ title, children, error, busy, busyLabel, confirmLabel, done = false, onConfirm, onClose }: Props) {
  const { dialogRef, close } = useModalDialog();
  const ids = useId();
  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={`${ids}-title`}
      aria-describedby={`${ids}-body`}
      onClose={onClose}
      className={`${MODAL_PANEL} max-w-md`}
    >
      <div className="space-y-4 p-5 sm:p-6">
        <h2 id={`${ids}-title`} className="text-lg font-semibold break-words">{title}</h2>
        <p id={`${ids}-body`} className="text-sm text-zinc-600 dark:text-zinc-400">{children}</p>
        {error && (
          <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">{error}</p>
        )}
        <div className="flex flex-wrap justify-end gap-2">
          <button
            type="button"
            autoFocus
            onClick={close}
            className="rounded-lg border border-zinc-300 bg-white px-4 py-2 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800"
          >
            Cancel
          </button>
          <button
            type="button"
            onClick={() => onConfirm(close)}
            disabled={busy || done}
            className="rounded-lg bg-red-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-red-700 disabled:opacity-60"
          >
            {busy ? busyLabel : confirmLabel}
          </button>
        </div>
      </div>
    </dialog>
  );
}
