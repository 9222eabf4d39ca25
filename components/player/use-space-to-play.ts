"use client";

import { useEffect } from "react";

/** Space plays/pauses anywhere on the page, except where it types or presses a control. */
export function useSpaceToPlay(toggle: () => void): void {
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.code !== "Space" || e.repeat || e.ctrlKey || e.metaKey || e.altKey) return;
      const target = e.target as HTMLElement | null;
      if (target?.closest("input, textarea, select, button, a, [contenteditable=''], [contenteditable='true']")) return;
      e.preventDefault();
      toggle();
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [toggle]);
}
