"use client";

import { useSyncExternalStore } from "react";
import { appliedTheme, onColorSchemeChange, THEME_STORAGE_KEY, type ThemeChoice } from "@/components/theme/color-scheme";

// The theme choice, kept in localStorage (this browser, every member of it) and applied as
// `data-theme` on <html>; "system" is no attribute, so the CSS follows prefers-color-scheme.

function applyTheme(choice: ThemeChoice): void {
  const root = document.documentElement;
  if (choice === "system") delete root.dataset.theme;
  else root.dataset.theme = choice;
}

/** Applies `choice` to the page and keeps it for the next page load. */
export function saveTheme(choice: ThemeChoice): void {
  applyTheme(choice);
  try {
    if (choice === "system") localStorage.removeItem(THEME_STORAGE_KEY);
    else localStorage.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // Storage refused (full, or blocked): the choice holds for this page.
  }
}

function subscribe(listener: () => void): () => void {
  const stop = onColorSchemeChange(listener);
  // Another tab chose: this one follows.
  const onStorage = (event: StorageEvent) => {
    if (event.key !== THEME_STORAGE_KEY && event.key !== null) return;
    const stored = event.newValue;
    applyTheme(stored === "light" || stored === "dark" ? stored : "system");
  };
  window.addEventListener("storage", onStorage);
  return () => {
    stop();
    window.removeEventListener("storage", onStorage);
  };
}

/** The choice in force, following changes from this tab and others. */
export function useThemeChoice(): ThemeChoice {
  return useSyncExternalStore(subscribe, appliedTheme, () => "system");
}
