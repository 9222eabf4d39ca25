import { useCallback, useEffect, useRef } from "react";

/**
 * Gathers what arrives within `windowMs` of the first arrival and hands it to `flush` at once:
 * tracks that finish together are told together. What is still gathering at unmount is dropped.
 */
export function useGathered<T>(flush: (items: T[]) => void, windowMs: number): (items: readonly T[]) => void {
  const pending = useRef<T[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latestFlush = useRef(flush);
  useEffect(() => {
    latestFlush.current = flush;
  });
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  return useCallback(
    (items: readonly T[]) => {
      pending.current.push(...items);
      if (timer.current) return;
      timer.current = setTimeout(() => {
        timer.current = null;
        const gathered = pending.current;
        pending.current = [];
        latestFlush.current(gathered);
      }, windowMs);
    },
    [windowMs],
  );
}
