// What the browser player needs to draw a track's waveform at once, before any audio loads.
// Free of Node imports so client components can use it.

export type Waveform = {
  /** `[min0, max0, min1, max1, …]` in -1..1, evenly spaced over the whole track. */
  peaks: number[];
  durationMs: number;
};
