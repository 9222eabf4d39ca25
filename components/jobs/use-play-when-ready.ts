import { useCallback } from "react";
import { useStored, writeStored } from "./browser-store";

const KEY = "venice-studio:play-when-ready";

/** The opt-in "play when ready": off until the creator turns it on, then remembered in this browser. */
export function usePlayWhenReady() {
  const on = useStored(KEY) === "1";
  const set = useCallback((value: boolean) => writeStored(KEY, value ? "1" : "0"), []);
  return { on, set };
}
