"use client";

import { useCallback, useRef, useState } from "react";
import type WaveSurfer from "wavesurfer.js";
import type { Region } from "wavesurfer.js/plugins/regions";
import type RegionsPlugin from "wavesurfer.js/plugins/regions";

/**
 * The player bar's loop: a region of the waveform (its edges draggable) that playback wraps
 * around. Its callbacks plug into useWaveSurfer; the regions plugin is imported with wavesurfer.js.
 */
export function useLoopRegion() {
  const regionsRef = useRef<ReturnType<typeof RegionsPlugin.create> | null>(null);
  const regionRef = useRef<Region | null>(null);
  // The listeners read the ref; the button reads the state.
  const loopingRef = useRef(false);
  const [looping, setLooping] = useState(false);

  const plugins = useCallback(async () => {
    const { default: Regions } = await import("wavesurfer.js/plugins/regions");
    const regions = Regions.create();
    regions.on("region-updated", (region) => {
      regionRef.current = region;
    });
    regionsRef.current = regions;
    return [regions];
  }, []);

  const onTimeUpdate = useCallback((ws: WaveSurfer, t: number) => {
    const region = regionRef.current;
    if (loopingRef.current && region && region.end !== undefined && t >= region.end) ws.setTime(region.start);
  }, []);

  const onFinish = useCallback((ws: WaveSurfer) => {
    const region = regionRef.current;
    if (!loopingRef.current || !region) return false;
    ws.setTime(region.start);
    void ws.play();
    return true;
  }, []);

  /** The instance went (another track): its region with it. */
  const forget = useCallback(() => {
    regionsRef.current = null;
    regionRef.current = null;
    loopingRef.current = false;
    setLooping(false);
  }, []);

  /** Starts a loop over a quarter of the track (at least 0.5 s) from the playhead, or ends it. */
  function toggleLoop(ws: WaveSurfer | null, duration: number) {
    const regions = regionsRef.current;
    if (!regions || !ws) return;
    if (looping) {
      regions.clearRegions();
      regionRef.current = null;
      loopingRef.current = false;
      setLooping(false);
      return;
    }
    const d = ws.getDuration() || duration;
    const start = Math.min(ws.getCurrentTime(), Math.max(0, d - 0.5));
    const end = Math.min(d, start + Math.max(d / 4, 0.5));
    regionRef.current = regions.addRegion({
      start,
      end,
      drag: true,
      resize: true,
      color: "rgba(168, 85, 247, 0.22)",
    });
    loopingRef.current = true;
    setLooping(true);
  }

  return { looping, plugins, onTimeUpdate, onFinish, forget, toggleLoop };
}
