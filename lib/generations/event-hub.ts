import "server-only";
import { ensureDatabase } from "@/lib/db/database";
import { subscribeToGenerationEvents, type GenerationEvent, type GenerationEventSubscription } from "@/lib/generations/events";
import { log } from "@/lib/log";
import { processSingleton } from "@/lib/process-singleton";

// One LISTEN connection per process, shared by every open event stream (a connection per
// browser tab would exhaust PostgreSQL's connections). It opens with the first listener and
// closes when the last one leaves. It also hears of removed members, from any instance, and
// ends their streams.

export type GenerationEventListener = {
  /** The member whose stream this is. */
  memberId: string;
  onEvent(event: GenerationEvent): void;
  /** The connection dropped and came back: events in between were missed. */
  onResync(): void;
  /** The stream must end: its member was removed, or the server is stopping (reconnect after `retryMs`). */
  onEnd(retryMs?: number): void;
};

type Hub = { listeners: Set<GenerationEventListener>; subscription: Promise<GenerationEventSubscription> | undefined };

// A stopping server's clients come back this soon, to another instance or to its successor.
const RECONNECT_AFTER_STOP_MS = 2_000;

const hub = () => processSingleton<Hub>("generations.event-hub", () => ({ listeners: new Set(), subscription: undefined }));

/** Starts telling `listener` of every generation status change; resolves to the function that stops it. */
export async function listenToGenerationEvents(listener: GenerationEventListener): Promise<() => void> {
  const state = hub();
  state.listeners.add(listener);
  const subscription = (state.subscription ??= openSubscription(state));
  try {
    await subscription;
  } catch (error) {
    state.listeners.delete(listener);
    // Forget only the failed attempt: a later listener may already have opened another.
    if (state.subscription === subscription) state.subscription = undefined;
    throw error;
  }
  return () => {
    if (!state.listeners.delete(listener) || state.listeners.size > 0 || !state.subscription) return;
    const closing = state.subscription;
    state.subscription = undefined;
    void closing.then((subscription) => subscription.close());
  };
}

/** Ends every open event stream of this process, telling browsers to reconnect in 2 s (for a server that stops). */
export function closeAllEventStreams(): void {
  for (const listener of [...hub().listeners]) listener.onEnd(RECONNECT_AFTER_STOP_MS);
}

async function openSubscription(state: Hub): Promise<GenerationEventSubscription> {
  const each = (run: (listener: GenerationEventListener) => void) => [...state.listeners].forEach(run);
  return subscribeToGenerationEvents((event) => each((listener) => listener.onEvent(event)), {
    databaseUrl: await ensureDatabase(),
    onResync: () => each((listener) => listener.onResync()),
    onMemberRemoved: (memberId) => each((listener) => listener.memberId === memberId && listener.onEnd()),
    onError: (error) => log().warn({ err: error }, "generation events connection failed; reconnecting"),
  });
}
