"use client";

import { useEffect, useState } from "react";

export type ToastMessage = { id: number; text: string; action?: { label: string; run: () => void }; tone?: "error" };

// Bottom-centre, just above the fixed player bar (whose height use-bar-height.ts publishes as
// --player-bar-height) or the phone's home indicator: never over the page header or the bar.
const PLACE = { bottom: "calc(var(--player-bar-height, env(safe-area-inset-bottom, 0px)) + 1rem)" };

/**
 * One toast at a time, announced politely to screen readers. It stays while the focus is in it
 * (time to reach its action from the keyboard), then gets its full time again.
 */
export function Toast({ toast, onDismiss }: { toast: ToastMessage | null; onDismiss: () => void }) {
  // Held by toast id: the next toast starts its own time, whatever happened to this one.
  const [heldId, setHeldId] = useState<number | null>(null);
  const held = toast !== null && heldId === toast.id;
  useEffect(() => {
    if (!toast || held) return;
    const timer = setTimeout(onDismiss, toast.action ? 10_000 : 5_000);
    return () => clearTimeout(timer);
  }, [toast, held, onDismiss]);
  const hold = () => setHeldId(toast?.id ?? null);
  const release = () => setHeldId(null);
  return (
    <div aria-live="polite" role="status" style={PLACE} className="pointer-events-none fixed inset-x-0 z-50 flex justify-center px-4">
      {toast && (
        <div
          data-testid="toast"
          onFocus={hold}
          onBlur={(event) => {
            if (!event.currentTarget.contains(event.relatedTarget)) release();
          }}
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
