"use client";

import { useEffect, useId, useRef, type KeyboardEvent } from "react";
import { DialogCloseButton } from "@/components/dialog-close-button";
import { SHORTCUTS } from "@/components/player/player-shortcuts";

const KEY_NAMES: Record<string, string> = { "←": "Left arrow", "→": "Right arrow", "?": "Question mark" };

/** Tab and Shift+Tab go round the dialog's own controls, never out of it. */
function keepFocusInside(event: KeyboardEvent<HTMLDialogElement>) {
  if (event.key !== "Tab") return;
  const focusable = [...event.currentTarget.querySelectorAll<HTMLElement>("button, a[href], [tabindex]:not([tabindex='-1'])")];
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (!first || !last) return;
  const active = document.activeElement;
  if (event.shiftKey ? active === first || !event.currentTarget.contains(active) : active === last) {
    event.preventDefault();
    (event.shiftKey ? last : first).focus();
  }
}

/**
 * The `?` overlay: every player shortcut, in a modal <dialog> (the rest of the page is inert,
 * Tab stays inside, Escape closes, and focus goes back where it was).
 */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const ids = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const close = () => dialogRef.current?.close();

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={`${ids}-title`}
      aria-describedby={`${ids}-intro`}
      onClose={onClose}
      onKeyDown={keepFocusInside}
      onClick={(e) => e.target === dialogRef.current && close()}
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-2xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-zinc-950/50 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <div className="p-5">
        {/* The × in the header's row, its circle's edge on the content's padding like the text's. */}
        <div className="flex items-center justify-between gap-3">
          <h2 id={`${ids}-title`} className="text-lg font-semibold">Keyboard shortcuts</h2>
          <DialogCloseButton onClick={close} className="text-zinc-600 dark:text-zinc-300" />
        </div>
        <p id={`${ids}-intro`} className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
          They work anywhere in the studio while the player is open, except when typing in a field.
        </p>
        <dl className="mt-4 divide-y divide-zinc-200 text-sm dark:divide-zinc-800">
          {SHORTCUTS.map((shortcut) => (
            <div key={shortcut.action} className="grid grid-cols-[7rem_minmax(0,1fr)] items-center gap-x-3 py-2">
              <dt className="flex flex-wrap items-center gap-1">
                {shortcut.keys.map((key, index) => (
                  <span key={key} className="flex items-center gap-1">
                    {index > 0 && <span aria-hidden className="text-zinc-600 dark:text-zinc-400">+</span>}
                    <kbd className="min-w-7 rounded-md border border-zinc-300 bg-zinc-50 px-1.5 py-0.5 text-center font-sans text-xs font-medium shadow-[0_1px_0_rgba(0,0,0,0.08)] dark:border-zinc-700 dark:bg-zinc-800">
                      {KEY_NAMES[key] ? (
                        <>
                          <span aria-hidden>{key}</span>
                          <span className="sr-only">{KEY_NAMES[key]}</span>
                        </>
                      ) : (
                        key
                      )}
                    </kbd>
                  </span>
                ))}
              </dt>
              <dd className="text-zinc-700 dark:text-zinc-300">{shortcut.label}</dd>
            </div>
          ))}
        </dl>
      </div>
    </dialog>
  );
}
