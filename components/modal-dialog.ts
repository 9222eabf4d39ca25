import { useEffect, useRef } from "react";

/** A modal panel's look, light and dark, with its backdrop; the dialog adds its max width. */
export const MODAL_PANEL =
  "m-auto w-[calc(100%-2rem)] rounded-2xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-zinc-950/50 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100";

/**
 * For a native <dialog> that is open while it is mounted: shows it as a modal (the browser makes
 * the page inert, Escape closes, focus goes back where it was), and `close` closes it, so that
 * every way out runs the dialog's onClose.
 */
export function useModalDialog() {
  const dialogRef = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  const close = () => dialogRef.current?.close();
  return { dialogRef, close };
}
