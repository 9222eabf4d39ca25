import "server-only";
import { ensureDatabase } from "@/lib/db/database";
import { env, EnvError } from "@/lib/env";
import { startWorker } from "@/lib/generations/worker";
import { log } from "@/lib/log";
import { processSingleton } from "@/lib/process-singleton";
import { checkTrackStorage, trackStorage } from "@/lib/storage/storage";
import { veniceTarget } from "@/lib/venice/target";

// Old enough that no put still running anywhere can own it.
const ABANDONED_UPLOAD_AGE_MS = 60 * 60_000;

/** Runs once when the server process starts (instrumentation.ts). */
export async function boot() {
  try {
    env();
  } catch (error) {
    // One clear line naming the variable, then stop: a half-configured studio helps no one.
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  try {
    await ensureDatabase();
    // Before the worker can pick up a job whose audio would have nowhere to go.
    await checkTrackStorage();
    const target = await veniceTarget();
    // One generation worker per process, however often Next.js evaluates this module.
    await processSingleton("generation-worker", () => startWorker());
    log().info({ mode: target.mode }, "Venice Studio ready");
    // A kill mid-download leaves a partial file (or an unfinished S3 multipart upload); the
    // job itself is retried from its row.
    trackStorage()
      .removeAbandonedUploads(ABANDONED_UPLOAD_AGE_MS)
      .then((removed) => removed && log().info({ removed }, "removed abandoned partial uploads"))
      .catch((error: unknown) => log().warn({ err: error }, "could not sweep abandoned uploads"));
  } catch (error) {
    log().fatal({ err: error }, "start-up failed");
    console.error(`Start-up failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
