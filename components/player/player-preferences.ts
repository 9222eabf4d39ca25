"use client";

import { useSyncExternalStore } from "react";
import type { Repeat } from "@/components/player/play-queue";

// The player's preferences, kept in localStorage so they hold across pages, reloads and tabs.
// A module-level store: the provider's callbacks read it at the moment they act, and every
// component showing it follows it through useSyncExternalStore.

export type PlayerPreferences = { repeat: Repeat; autoplayNext: boolean; normalize: boolean };

const STORAGE_KEY = "venice-studio.player";
export const DEFAULT_PREFERENCES: PlayerPreferences = { repeat: "off", autoplayNext: true, normalize: true };

const REPEATS: readonly unknown[] = ["off", "all", "one"] satisfies Repeat[];

/** What was stored, field by field: a value missing or not understood falls back to its default. (No zod: this is in every page's bundle.) */
function parseStored(text: string | null): PlayerPreferences {
  const stored: unknown = JSON.parse(text ?? "{}");
  const { repeat, autoplayNext, normalize } = (typeof stored === "object" && stored !== null ? stored : {}) as Record<string, unknown>;
  return {
    repeat: REPEATS.includes(repeat) ? (repeat as Repeat) : DEFAULT_PREFERENCES.repeat,
    autoplayNext: typeof autoplayNext === "boolean" ? autoplayNext : DEFAULT_PREFERENCES.autoplayNext,
    normalize: typeof normalize === "boolean" ? normalize : DEFAULT_PREFERENCES.normalize,
  };
}

let snapshot: PlayerPreferences | null = null;
const listeners = new Set<() => void>();

/** The preferences now (browser only). */
export function readPreferences(): PlayerPreferences {
  if (snapshot) return snapshot;
  try {
    snapshot = parseStored(localStorage.getItem(STORAGE_KEY));
  } catch {
    snapshot = DEFAULT_PREFERENCES;
  }
  return snapshot;
}

export function savePreferences(change: Partial<PlayerPreferences>): void {
  snapshot = { ...readPreferences(), ...change };
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(snapshot));
  } catch {
    // Storage refused (full, or blocked): the choice holds for this page.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab changed them.
  const onStorage = (event: StorageEvent) => {
    if (event.key !== STORAGE_KEY) return;
    snapshot = null;
    listener();
  };
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

/** The preferences, following every change; the defaults while the server renders. */
export function usePlayerPreferences(): PlayerPreferences {
  return useSyncExternalStore(subscribe, readPreferences, () => DEFAULT_PREFERENCES);
}
