// Reads a server-sent event stream from a Response, one event (or comment) at a time; opens
// the studio's own stream with a faster heartbeat than GET /api/events has.
import { STUDIO } from "./routes";

export type ServerSentEvent = { event?: string; data?: string; retry?: number; comments: string[] };

/** The stream GET /api/events opens for whoever `cookie` signs in, its heartbeat (and session check) every `heartbeatMs`. */
export async function openEventStream(cookie: string, signal: AbortSignal, heartbeatMs: number): Promise<Response> {
  const { currentMember } = await import("@/lib/auth/member");
  const { openGenerationEventStream } = await import("@/lib/api/generations/generation-event-stream");
  const request = new Request(`${STUDIO}/api/events`, { signal, headers: { cookie } });
  const member = await currentMember(request.headers);
  if (!member) throw new Error("this cookie signs nobody in");
  return openGenerationEventStream(request, member, { heartbeatMs });
}

export function sseReader(response: Response) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";

  async function nextBlock(deadline: number): Promise<string | null> {
    for (;;) {
      const end = buffer.indexOf("\n\n");
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        return block;
      }
      const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), Math.max(0, deadline - Date.now())));
      const chunk = await Promise.race([reader.read(), timeout]);
      if (chunk === "timeout") throw new Error("no server-sent event arrived in time");
      if (chunk.done) return null;
      buffer += decoder.decode(chunk.value, { stream: true });
    }
  }

  return {
    /** The next event, or null once the server closed the stream. */
    async next(timeoutMs = 10_000): Promise<ServerSentEvent | null> {
      const block = await nextBlock(Date.now() + timeoutMs);
      if (block === null) return null;
      const parsed: ServerSentEvent = { comments: [] };
      for (const line of block.split("\n")) {
        if (line.startsWith(":")) parsed.comments.push(line.slice(1).trim());
        else if (line.startsWith("event: ")) parsed.event = line.slice("event: ".length);
        else if (line.startsWith("data: ")) parsed.data = line.slice("data: ".length);
        else if (line.startsWith("retry: ")) parsed.retry = Number(line.slice("retry: ".length));
      }
      return parsed;
    },
    cancel: () => reader.cancel(),
  };
}
