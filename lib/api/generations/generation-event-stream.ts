import "server-only";
import { listenToGenerationEvents } from "@/lib/api/generations/generation-event-hub";

// Server-sent events for the studio page: `event: generation` with `{id, status, batchId}`
// on every status change of any generation, `event: resync` when changes may have been
// missed (reload what is shown), and a comment line as heartbeat so proxies keep the
// connection open. Everything is released when the client goes away.

const HEARTBEAT_MS = 15_000;
const RECONNECT_AFTER_MS = 3_000;

export async function openGenerationEventStream(signal: AbortSignal, heartbeatMs = HEARTBEAT_MS): Promise<Response> {
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let closed = false;
  const stream = new ReadableStream<Uint8Array>({
    start: (streamController) => void (controller = streamController),
    cancel: () => close(),
  });
  const send = (text: string) => {
    if (closed) return;
    try {
      controller.enqueue(encoder.encode(text));
    } catch {
      close();
    }
  };

  const stopListening = await listenToGenerationEvents({
    onEvent: (event) => send(`event: generation\ndata: ${JSON.stringify(event)}\n\n`),
    onResync: () => send(`event: resync\ndata: {}\n\n`),
  });
  const heartbeat = setInterval(() => send(`: heartbeat\n\n`), heartbeatMs);
  function close() {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    stopListening();
    signal.removeEventListener("abort", close);
    try {
      controller.close();
    } catch {
      // Already closed or cancelled by the client.
    }
  }
  signal.addEventListener("abort", close);
  if (signal.aborted) close();
  send(`retry: ${RECONNECT_AFTER_MS}\n: connected\n\n`);

  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      // Proxies such as nginx would otherwise hold events back in a buffer.
      "X-Accel-Buffering": "no",
    },
  });
}
