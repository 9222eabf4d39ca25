import "server-only";
import { ensureDatabase } from "@/lib/db/database";
import { subscribeToGenerationEvents, type GenerationEvent, type GenerationEventSubscription } from "@/lib/generations/events";
import { log } from "@/lib/log";
import { processSingleton } from "@/lib/process-singleton";

// One LISTEN connection per process, shared by every open event stream (a connection per
// browser tab would exhaust PostgreSQL's connections). It opens with the first listener and
// closes when the last one leaves.

export type GenerationEventListener = {
  onEvent(event: GenerationEvent): void;
  /** The connection dropped and came back: events in between were missed. */
  onResync(): void;
};

type Hub = { listeners: Set<GenerationEventListener>; subscription: Promise<GenerationEventSubscription> | undefined };

const hub = () => processSingleton<Hub>("api.generation-event-hub", () => ({ listeners: new Set(), subscription: undefined }));

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

async function openSubscription(state: Hub): Promise<GenerationEventSubscription> {
  return subscribeToGenerationEvents((event) => state.listeners.forEach((listener) => listener.onEvent(event)), {
    databaseUrl: await ensureDatabase(),
    onResync: () => state.listeners.forEach((listener) => listener.onResync()),
    onError: (error) => log().warn({ err: error }, "generation events connection failed; reconnecting"),
  });
}
