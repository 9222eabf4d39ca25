// A track's waveform as the studio stores it (computed by peaks.ts) and the player draws it at
// once, before any audio loads. Free of Node imports so client components can use it.

export type Waveform = {
  /** `[min0, max0, min1, max1, …]` in -1..1, evenly spaced over the whole track. */
  peaks: number[];
  durationMs: number;
};

/** `value` (a stored row, a fetched answer) as a Waveform, or null when it is not one. */
export function parseWaveform(value: unknown): Waveform | null {
  if (typeof value !== "object" || value === null) return null;
  const { peaks, durationMs } = value as { peaks?: unknown; durationMs?: unknown };
  if (!Array.isArray(peaks) || !peaks.every((peak) => typeof peak === "number")) return null;
  if (typeof durationMs !== "number" || !Number.isFinite(durationMs)) return null;
  return { peaks, durationMs };
}

/**
 * A track row's waveform. Its peaks column is JSON to the database: peaks that are not numbers
 * (never stored so) read as none, and the player then draws the waveform from the audio.
 */
export function storedWaveform(row: { peaks: unknown; durationMs: number }): Waveform {
  return parseWaveform(row) ?? { peaks: [], durationMs: row.durationMs };
}
