import "server-only";

// Next.js 16 drops Content-Length from every route handler's Response before writing it, so
// the audio routes also declare the length in a header of their own, which the studio's
// server (scripts/front-door.mjs, restoreDeclaredContentLength) turns back into Content-Length.
const DECLARED_LENGTH = "x-studio-content-length";

/** Sets the response's Content-Length to `bytes`, in a way that reaches the client through Next.js. */
export function setContentLength(headers: Headers, bytes: number): void {
  headers.set("Content-Length", String(bytes));
  headers.set(DECLARED_LENGTH, String(bytes));
}
