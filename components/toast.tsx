"use client";

import { useEffect } from "react";

export type ToastMessage = { id: number; text: string; action?: { label: string; run: () => void }; tone?: "error" };

/**
 * One toast at a time, top-centre: clear of the Create button and the player bar at the
 * bottom; announced politely to screen readers.
 */
export function Toast({ toast, onDismiss }: { toast: ToastMessage | null; onDismiss: () => void }) {
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(onDismiss, toast.action ? 10_000 : 5_000);
    return () => clearTimeout(timer);
  }, [toast, onDismiss]);
  return (
    <div aria-live="polite" role="status" className="pointer-events-none fixed inset-x-0 top-4 z-50 flex justify-center px-4">
      {toast && (
        <div
          className={`pointer-events-auto flex max-w-md items-center gap-3 rounded-xl px-4 py-3 text-sm shadow-lg ${
            toast.tone === "error" ? "bg-red-600 text-white" : "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900"
          }`}
        >
          <span className="min-w-0 flex-1">{toast.text}</span>
          {toast.action && (
            <button
              type="button"
              onClick={() => {
                toast.action?.run();
                onDismiss();
              }}
              className="rounded-md px-2 py-1 font-semibold text-accent-400 underline-offset-2 hover:underline dark:text-accent-700"
            >
              {toast.action.label}
            </button>
          )}
          <button type="button" onClick={onDismiss} aria-label="Dismiss" className="rounded-md px-1 opacity-70 hover:opacity-100">
            <svg aria-hidden viewBox="0 0 24 24" className="size-4 fill-none stroke-current stroke-2"><path d="M6 6l12 12M18 6L6 18" /></svg>
          </button>
        </div>
      )}
    </div>
  );
}
