"use client";

import { useSyncExternalStore } from "react";

// A polite, one-time offer of browser notifications: the permission prompt only ever opens
// from this button, never on page load, and "No thanks" is remembered in this browser.

const DISMISSED_KEY = "venice-studio:notify-offer-dismissed";

// The offer's state lives in the browser (the permission, localStorage); every change made
// here tells the subscribed components to read it again.
const listeners = new Set<() => void>();
function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}
function changed() {
  for (const listener of listeners) listener();
}

// Also kept in memory, for browsers with storage turned off.
let dismissedThisPage = false;

function dismissed(): boolean {
  if (dismissedThisPage) return true;
  try {
    return localStorage.getItem(DISMISSED_KEY) === "1";
  } catch {
    return false;
  }
}

function dismiss() {
  dismissedThisPage = true;
  try {
    localStorage.setItem(DISMISSED_KEY, "1");
  } catch {
    // storage turned off: the offer comes back on the next visit
  }
  changed();
}

function offerOpen(): boolean {
  return "Notification" in window && Notification.permission === "default" && !dismissed();
}

export function NotifyOffer() {
  const open = useSyncExternalStore(subscribe, offerOpen, () => false);
  if (!open) return null;
  return (
    <div
      role="group"
      aria-label="Notifications"
      className="flex flex-wrap items-center gap-2 rounded-xl border border-zinc-200 bg-zinc-50 px-3 py-2 text-sm dark:border-zinc-800 dark:bg-zinc-900/60"
    >
      <svg aria-hidden viewBox="0 0 24 24" className="size-4 shrink-0 fill-none stroke-zinc-500 stroke-2 dark:stroke-zinc-400">
        <path d="M6 9a6 6 0 1 1 12 0c0 6 2.5 7.5 2.5 7.5h-17S6 15 6 9M10 20a2 2 0 0 0 4 0" />
      </svg>
      <button
        type="button"
        onClick={() => void Notification.requestPermission().then(changed)}
        className="rounded-md font-medium text-accent-700 underline-offset-2 hover:underline dark:text-accent-400"
      >
        Notify me when tracks are ready
      </button>
      <button
        type="button"
        onClick={dismiss}
        className="ml-auto rounded-md px-2 py-0.5 text-xs text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800"
      >
        No thanks
      </button>
    </div>
  );
}
