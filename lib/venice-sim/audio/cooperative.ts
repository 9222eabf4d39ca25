// Long renders (up to ~10 s of CPU for a 600 s MP3) must not freeze the server's event loop:
// the synth and the encoders call `pause()` between chunks of work, and it yields to the event
// loop whenever more than `sliceMs` of work has run since the last yield. Output is unaffected.

export type Pause = () => Promise<void> | undefined;

export function cooperative(sliceMs = 25): Pause {
  let last = performance.now();
  return () => {
    const now = performance.now();
    if (now - last < sliceMs) return undefined;
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        last = performance.now();
        resolve();
      }),
    );
  };
}
