import { useSyncExternalStore } from "react";

// What the studio page remembers in this browser (localStorage), read through
// useSyncExternalStore: the server renders as if nothing were stored, the browser then shows
// what is, and a change made in another tab (the storage event) shows here too. A browser
// with storage turned off keeps the values for this page only.

const memory = new Map<string, string>();
const listeners = new Set<() => void>();

export function readStored(key: string): string | null {
  if (typeof window === "undefined") return null;
  try {
    return localStorage.getItem(key);
  } catch {
    return memory.get(key) ?? null;
  }
}

export function writeStored(key: string, value: string) {
  if (readStored(key) === value) return;
  memory.set(key, value);
  try {
    localStorage.setItem(key, value);
  } catch {
    // storage turned off or full: kept in memory for this page
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

/** The stored text under `key` (null when none, and on the server), kept current. */
export function useStored(key: string): string | null {
  return useSyncExternalStore(
    subscribe,
    () => readStored(key),
    () => null,
  );
}
