import "server-only";
import { ensureDatabase } from "@/lib/db/database";
import { env, EnvError } from "@/lib/env";
import { startWorker } from "@/lib/generations/worker";
import { log } from "@/lib/log";
import { processSingleton } from "@/lib/process-singleton";
import { veniceTarget } from "@/lib/venice/target";

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
    const target = await veniceTarget();
    // One generation worker per process, however often Next.js evaluates this module.
    await processSingleton("generation-worker", () => startWorker());
    log().info({ mode: target.mode }, "Venice Studio ready");
  } catch (error) {
    log().fatal({ err: error }, "start-up failed");
    console.error(`Start-up failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
