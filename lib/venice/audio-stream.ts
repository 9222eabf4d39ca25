// Wraps the body of a finished /audio/retrieve answer so that a download which stalls or
// ends early fails loudly while it is being read, instead of leaving a short audio file
// that looks complete. The audio is passed through chunk by chunk, never buffered whole.
import { VeniceError } from "./errors";

type GuardOptions = {
  /** Content-Length of the answer, when Venice sent one for an unencoded body. */
  expectedBytes: number | undefined;
  /** How long a single read may wait for the next chunk. */
  idleTimeoutMs: number;
  /** Aborts the underlying request, so a stalled or abandoned download frees its socket. */
  abort: () => void;
};

export function guardAudioStream(
  source: ReadableStream<Uint8Array>,
  { expectedBytes, idleTimeoutMs, abort }: GuardOptions,
): ReadableStream<Uint8Array> {
  const reader = source.getReader();
  let receivedBytes = 0;

  const fail = (controller: ReadableStreamDefaultController<Uint8Array>, error: VeniceError) => {
    abort();
    reader.cancel(error).catch(() => {});
    controller.error(error);
  };

  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let idleTimer: ReturnType<typeof setTimeout> | undefined;
        const idle = new Promise<"idle">((resolve) => {
          idleTimer = setTimeout(() => resolve("idle"), idleTimeoutMs);
        });
        try {
          const result = await Promise.race([reader.read(), idle]);
          if (result === "idle") {
            fail(controller, new VeniceError("TIMEOUT", {
              status: 0,
              message: `Venice audio download stalled for ${idleTimeoutMs} ms after ${receivedBytes} bytes`,
            }));
          } else if (result.done) {
            if (expectedBytes !== undefined && receivedBytes < expectedBytes) {
              fail(controller, truncated(receivedBytes, expectedBytes));
            } else {
              controller.close();
            }
          } else {
            receivedBytes += result.value.byteLength;
            controller.enqueue(result.value);
          }
        } catch (cause) {
          // The connection dropped mid-body (fetch reports this as a generic "terminated").
          fail(controller, expectedBytes !== undefined
            ? truncated(receivedBytes, expectedBytes, cause)
            : new VeniceError("NETWORK", { status: 0, message: "Venice audio download failed", cause }));
        } finally {
          clearTimeout(idleTimer);
        }
      },
      cancel(reason) {
        abort();
        return reader.cancel(reason);
      },
    },
    // Pull only when the consumer reads, so a slow consumer is never mistaken for a stall.
    { highWaterMark: 0 },
  );
}

function truncated(receivedBytes: number, expectedBytes: number, cause?: unknown): VeniceError {
  return new VeniceError("TRUNCATED", {
    status: 0,
    message: `Venice audio download ended after ${receivedBytes} of ${expectedBytes} bytes`,
    cause,
  });
}
