// Status changes of generations, told to every studio instance at once through PostgreSQL
// LISTEN/NOTIFY on one channel. A notification sent inside a transaction is delivered only
// if that transaction commits, so listeners never hear of a change that did not happen.
// A second channel tells of removed members, whose open event streams must end at once.
import pg from "pg";
import { z } from "zod";
import { GenerationStatus, type Prisma } from "@/lib/db/generated/client";

const GENERATION_EVENTS_CHANNEL = "generation_events";
const MEMBER_REMOVED_CHANNEL = "member_removed";

export type GenerationEvent = { id: string; status: GenerationStatus; batchId: string };

const generationEventSchema = z.object({
  id: z.string(),
  status: z.enum(GenerationStatus),
  batchId: z.string(),
});

/** Queues the event on `tx`'s connection; it is delivered when that transaction commits. */
export async function notifyGenerationEvent(tx: Prisma.TransactionClient, event: GenerationEvent): Promise<void> {
  const payload: GenerationEvent = { id: event.id, status: event.status, batchId: event.batchId };
  await tx.$executeRaw`SELECT pg_notify(${GENERATION_EVENTS_CHANNEL}, ${JSON.stringify(payload)})`;
}

/** Tells every instance, once `tx` commits, that the account `memberId` was removed. */
export async function notifyMemberRemoved(tx: Prisma.TransactionClient, memberId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${MEMBER_REMOVED_CHANNEL}, ${memberId})`;
}

export type GenerationEventSubscription = { close(): Promise<void> };

type SubscribeOptions = {
  databaseUrl: string;
  /**
   * Called after the connection was lost and re-established: events in between were missed,
   * so a listener that mirrors state should reload it.
   */
  onResync?: () => void;
  /** Given: also listens for removed members (notifyMemberRemoved), with their id. */
  onMemberRemoved?: (memberId: string) => void;
  onError?: (error: unknown) => void;
};

const RECONNECT_DELAYS_MS = [250, 1_000, 5_000];

/**
 * Calls `onEvent` for every generation status change, from any instance, on a dedicated
 * connection (LISTEN holds its connection, so it cannot come from a pool). Reconnects on
 * its own when the connection drops. Resolves once listening.
 */
export async function subscribeToGenerationEvents(
  onEvent: (event: GenerationEvent) => void,
  { databaseUrl, onResync, onMemberRemoved, onError }: SubscribeOptions,
): Promise<GenerationEventSubscription> {
  let closed = false;
  let client: pg.Client | undefined;

  async function connect(): Promise<void> {
    const next = new pg.Client({ connectionString: databaseUrl });
    next.on("notification", (message) => {
      if (message.channel === MEMBER_REMOVED_CHANNEL) {
        if (message.payload) onMemberRemoved?.(message.payload);
        return;
      }
      const event = parseEvent(message.payload);
      if (event) onEvent(event);
    });
    next.on("error", (error) => {
      // A subscription closed meanwhile has no one left to tell.
      if (!closed) onError?.(error);
      lost(next);
    });
    next.on("end", () => lost(next));
    await next.connect();
    try {
      await next.query(`LISTEN ${GENERATION_EVENTS_CHANNEL}`);
      if (onMemberRemoved) await next.query(`LISTEN ${MEMBER_REMOVED_CHANNEL}`);
    } catch (error) {
      // Connected but not listening: nothing else would ever close this connection.
      await next.end().catch(() => {});
      throw error;
    }
    if (closed) await next.end();
    else client = next;
  }

  function lost(connection: pg.Client): void {
    if (closed || client !== connection) return;
    client = undefined;
    connection.end().catch(() => {});
    void reconnect();
  }

  async function reconnect(): Promise<void> {
    for (let attempt = 0; !closed; attempt++) {
      await delay(RECONNECT_DELAYS_MS[Math.min(attempt, RECONNECT_DELAYS_MS.length - 1)]!);
      if (closed) return;
      try {
        await connect();
        onResync?.();
        return;
      } catch (error) {
        onError?.(error);
      }
    }
  }

  await connect();
  return {
    async close() {
      closed = true;
      await client?.end().catch(() => {});
      client = undefined;
    },
  };
}

/** A wait that does not keep the process alive on its own. */
function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

function parseEvent(payload: string | undefined): GenerationEvent | undefined {
  if (!payload) return undefined;
  try {
    return generationEventSchema.parse(JSON.parse(payload));
  } catch {
    return undefined;
  }
}
