// Float32 [-1, 1] → 16-bit integer samples, a chunk at a time (encoders stream in chunks).
// Two copies on purpose: one function fed both Int16Array and Int32Array would make V8's
// element access polymorphic, which measurably slows this per-sample loop.

/** Writes round(clamp(x) × 32767) for src[from, from + out.length) into `out`; returns the count. */
export function floatToInt16(src: Float32Array, from: number, out: Int16Array): number {
  const n = Math.min(out.length, src.length - from);
  for (let i = 0; i < n; i++) {
    const v = src[from + i] as number;
    out[i] = Math.round((v > 1 ? 1 : v < -1 ? -1 : v) * 32767);
  }
  return n;
}

/** The same 16-bit values, in an Int32Array (what libFLAC takes). */
export function floatToInt16In32(src: Float32Array, from: number, out: Int32Array): number {
  const n = Math.min(out.length, src.length - from);
  for (let i = 0; i < n; i++) {
    const v = src[from + i] as number;
    out[i] = Math.round((v > 1 ? 1 : v < -1 ? -1 : v) * 32767);
  }
  return n;
}
