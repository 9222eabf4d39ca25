import "server-only";
import { listenToGenerationEvents } from "@/lib/generations/event-hub";
import { currentMember, type Member } from "@/lib/auth/member";

// Server-sent events for the studio page: `event: generation` with `{id, status, batchId}`
// on every status change of any generation, `event: resync` when changes may have been
// missed (reload what is shown), and a comment line as heartbeat so proxies keep the
// connection open. The stream lives only as long as its member's session: it ends at once
// when the member is removed (on any instance), and within a heartbeat of a sign-out or a
// revoked session. Everything is released when the client goes away.

const HEARTBEAT_MS = 15_000;
const RECONNECT_AFTER_MS = 3_000;

export type EventStreamOptions = {
  /** How often the heartbeat is sent and the session checked again. */
  heartbeatMs?: number;
};

/** The stream for `member`, signed in on `request` (whose signal ends it when the client leaves). */
export async function openGenerationEventStream(
  request: Request,
  member: Member,
  { heartbeatMs = HEARTBEAT_MS }: EventStreamOptions = {},
): Promise<Response> {
  const { signal } = request;
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

  let checking = false;
  /** Ends the stream once the session it was opened with no longer signs this member in. */
  const checkSession = () => {
    if (checking || closed) return;
    checking = true;
    currentMember(request.headers)
      .then((now) => {
        if (now?.id !== member.id) close();
      })
      // The database did not answer: the next heartbeat asks again.
      .catch(() => {})
      .finally(() => (checking = false));
  };

  const stopListening = await listenToGenerationEvents({
    memberId: member.id,
    onEvent: (event) => send(`event: generation\ndata: ${JSON.stringify(event)}\n\n`),
    onResync: () => {
      send(`event: resync\ndata: {}\n\n`);
      // A removal may have been among what was missed.
      checkSession();
    },
    onEnd: (retryMs) => {
      if (retryMs !== undefined) send(`retry: ${retryMs}\n\n`);
      close();
    },
  });
  const heartbeat = setInterval(() => {
    send(`: heartbeat\n\n`);
    checkSession();
  }, heartbeatMs);
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
