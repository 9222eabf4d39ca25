import type WaveSurfer from "wavesurfer.js";
import type { WaveSurferOptions } from "wavesurfer.js";
import { isDarkScheme, onColorSchemeChange } from "@/components/theme/color-scheme";
import { parseWaveform, type Waveform } from "@/lib/audio/waveform";

// What every waveform player of the studio shares (the app-wide player bar, the public share
// page): its look, the stored peaks it draws at once, and its keyboard seeking.

function waveformColors(dark: boolean): Pick<WaveSurferOptions, "waveColor" | "progressColor" | "cursorColor"> {
  return {
    waveColor: dark ? "#52525b" : "#d4d4d8",
    progressColor: dark ? "#c084fc" : "#9333ea",
    cursorColor: dark ? "#e9d5ff" : "#6b21a8",
  };
}

/** The studio's waveform in the page's colour scheme; the audio streams through a media element. */
export function waveformOptions(container: HTMLElement, height: number): WaveSurferOptions {
  return {
    container,
    height,
    ...waveformColors(isDarkScheme()),
    cursorWidth: 2,
    barWidth: 2,
    barGap: 1,
    barRadius: 2,
    normalize: true,
    dragToSeek: true,
    backend: "MediaElement",
  };
}

/** Recolours `ws` when the page's colour scheme changes (the theme chosen, or the system's); returns the unsubscribe. */
export function followColorScheme(ws: WaveSurfer): () => void {
  return onColorSchemeChange(() => ws.setOptions(waveformColors(isDarkScheme())));
}

/** The waveform the studio stored for a track, or null (then wavesurfer.js draws it once decoded). */
export async function fetchStoredWaveform(url: string): Promise<Waveform | null> {
  try {
    const response = await fetch(url);
    return response.ok ? parseWaveform(await response.json()) : null;
  } catch {
    return null;
  }
}

/** A stored waveform as wavesurfer.js's channel data: with it, it draws at once, without decoding the file. */
export function peaksChannels(waveform: Waveform | null): number[][] | undefined {
  return waveform && waveform.peaks.length > 0 ? [waveform.peaks] : undefined;
}

const SEEK_STEP_SECONDS = 5;

/** How far a key on the focused waveform seeks, in seconds (±Infinity: to an end); null for other keys. */
export function seekSecondsForKey(key: string, shift: boolean): number | null {
  const step = SEEK_STEP_SECONDS * (shift ? 3 : 1);
  if (key === "ArrowRight" || key === "ArrowUp") return step;
  if (key === "ArrowLeft" || key === "ArrowDown") return -step;
  if (key === "Home") return -Infinity;
  if (key === "End") return Infinity;
  return null;
}
