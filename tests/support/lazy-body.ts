// A huge request body that is never held: each chunk is made when the reader pulls it, and
// `pulled()` says how many bytes the server took, so a test can tell "read up to the limit,
// then stopped" from "buffered it all".

export type LazyBody = { stream: ReadableStream<Uint8Array>; pulled(): number; cancelled(): boolean };

const CHUNK_BYTES = 16 * 1024;

/** `prefix` (e.g. the start of a JSON object) and then spaces, `totalBytes` in all. */
export function lazyBody(totalBytes: number, prefix = ""): LazyBody {
  let pulled = 0;
  let cancelled = false;
  const filler = new Uint8Array(CHUNK_BYTES).fill(0x20);
  const start = new TextEncoder().encode(prefix);
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (pulled >= totalBytes) return controller.close();
        const chunk = pulled < start.byteLength ? start : filler.subarray(0, Math.min(CHUNK_BYTES, totalBytes - pulled));
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
      cancel() {
        cancelled = true;
      },
    },
    // Nothing is pulled before the server reads.
    { highWaterMark: 0 },
  );
  return { stream, pulled: () => pulled, cancelled: () => cancelled };
}

/** RequestInit for a streamed body (fetch needs `duplex` for one). */
export function streamedInit(method: string, body: LazyBody, headers: Record<string, string> = {}): RequestInit {
  return { method, headers: { "content-type": "application/json", ...headers }, body: body.stream, duplex: "half" } as RequestInit;
}
