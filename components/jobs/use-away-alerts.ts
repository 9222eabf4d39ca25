import { useCallback, useEffect, useRef } from "react";
import type { Job } from "./use-jobs";

/**
 * Tells a creator who is looking elsewhere that tracks are ready: the tab title counts them
 * until the page is seen or focused again, and a hidden tab also shows a browser
 * notification when the creator allowed them (see NotifyOffer).
 */
export function useAwayAlerts(): (ready: Job[]) => void {
  // The title from before the first alert, and how many tracks got ready since.
  const away = useRef<{ title: string; count: number } | null>(null);

  useEffect(() => {
    const restoreTitle = () => {
      if (!away.current) return;
      document.title = away.current.title;
      away.current = null;
    };
    const comeBack = () => {
      if (document.visibilityState === "visible") restoreTitle();
    };
    document.addEventListener("visibilitychange", comeBack);
    window.addEventListener("focus", comeBack);
    return () => {
      document.removeEventListener("visibilitychange", comeBack);
      window.removeEventListener("focus", comeBack);
      restoreTitle();
    };
  }, []);

  return useCallback((ready: Job[]) => {
    const hidden = document.visibilityState === "hidden";
    if (!hidden && document.hasFocus()) return; // the toast says it
    const title = away.current?.title ?? document.title;
    const count = (away.current?.count ?? 0) + ready.length;
    away.current = { title, count };
    document.title = `✓ ${count === 1 ? "Track" : `${count} tracks`} ready · ${title}`;
    if (hidden) notifyReady(count, ready[ready.length - 1]!.title);
  }, []);
}

/** One notification for everything that got ready while away: each new one replaces the last (same tag). */
function notifyReady(count: number, latestTitle: string) {
  if (!("Notification" in window) || Notification.permission !== "granted") return;
  const body = count === 1 ? `“${latestTitle}” is in your library.` : `${count} tracks are in your library, the latest “${latestTitle}”.`;
  try {
    const notification = new Notification(count === 1 ? "Track ready" : `${count} tracks ready`, { body, icon: "/icon.svg", tag: "venice-studio-ready" });
    notification.onclick = () => {
      window.focus();
      notification.close();
    };
  } catch {
    // Some browsers (Chrome on Android) only notify from a service worker; the title still tells.
  }
}
