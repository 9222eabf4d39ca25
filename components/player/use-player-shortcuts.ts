"use client";

import { useEffect, useEffectEvent } from "react";
import { keyBelongsToFocus, shortcutFor, type ShortcutAction } from "@/components/player/player-shortcuts";

/**
 * The player's shortcuts (player-shortcuts.ts), anywhere on the page while the bar is open:
 * not while typing, in a dialog, or where the focused control uses the key itself.
 */
export function usePlayerShortcuts(handlers: Record<ShortcutAction, () => void>): void {
  const run = useEffectEvent((action: ShortcutAction) => handlers[action]());
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.defaultPrevented) return;
      const action = shortcutFor(event);
      const target = event.target instanceof Element ? event.target : null;
      if (!action || keyBelongsToFocus(action, target)) return;
      event.preventDefault();
      run(action);
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
}
