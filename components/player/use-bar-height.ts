import { useEffect, useState, type RefObject } from "react";

/**
 * The height of the fixed player bar, for the placeholder that keeps the end of the page reachable
 * above it. The page's scroll padding follows it too, so a control scrolled into view (a Tab, a
 * link to an anchor) stops above the bar rather than under it, and toasts float above it
 * (`--player-bar-height` on the root).
 */
export function useBarHeight(ref: RefObject<HTMLElement | null>): number {
  const [height, setHeight] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const root = document.documentElement;
    const observer = new ResizeObserver(() => {
      setHeight(element.offsetHeight);
      root.style.scrollPaddingBottom = `${element.offsetHeight}px`;
      // For what floats above the bar (components/toast.tsx).
      root.style.setProperty("--player-bar-height", `${element.offsetHeight}px`);
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.style.scrollPaddingBottom = "";
      root.style.removeProperty("--player-bar-height");
    };
  }, [ref]);
  return height;
}
