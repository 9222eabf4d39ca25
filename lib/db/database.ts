import "server-only";
import path from "node:path";
import { env } from "@/lib/env";
import { log, scrubFromLogs } from "@/lib/log";
import { processSingleton } from "@/lib/process-singleton";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";

// How often the embedded server is checked on, and how long a restart may keep failing
// (a killed postmaster's backends take a moment to exit and release its shared memory)
// before the studio exits for its supervisor to start it afresh.
const WATCH_INTERVAL_MS = 500;
const RESTART_DELAY_MS = 500;
const RESTART_ATTEMPTS = 20;

type Embedded = { server?: EmbeddedDatabase; watchdog?: NodeJS.Timeout; restarting?: Promise<void> };

const embedded = () => processSingleton<Embedded>("database.embedded", () => ({}));

/**
 * The database URL, once the database is up and migrated: DATABASE_URL when set,
 * otherwise a PostgreSQL embedded under DATA_DIR/postgres, restarted when it dies. Runs
 * once per process.
 */
export function ensureDatabase(): Promise<string> {
  return processSingleton("database", async () => {
    const url = env().DATABASE_URL ?? (await startWatchedEmbedded());
    const applied = await applyMigrations(url);
    log().info({ applied }, applied.length ? "migrations applied" : "database schema up to date");
    return url;
  });
}

/**
 * From the start of a stop on, PostgreSQL going away is expected, not restarted: a terminal's
 * Ctrl+C reaches it as well as the studio, and it shuts down at once.
 */
export function stopWatchingDatabase(): void {
  const state = embedded();
  clearInterval(state.watchdog);
  state.watchdog = undefined;
}

/** Stops the embedded PostgreSQL and its watchdog (nothing to do with DATABASE_URL). */
export async function stopDatabase(): Promise<void> {
  const state = embedded();
  stopWatchingDatabase();
  await state.restarting;
  await state.server?.stop();
  state.server = undefined;
}

function embeddedOptions() {
  const { DATA_DIR, EMBEDDED_PG_PORT } = env();
  return {
    dataDir: path.join(DATA_DIR, "postgres"),
    port: EMBEDDED_PG_PORT,
    onLog: (message: string) => log().debug({ postgres: message.trim() }, "embedded postgres"),
  };
}

async function startWatchedEmbedded(): Promise<string> {
  const options = embeddedOptions();
  const state = embedded();
  state.server = await startEmbeddedPostgres(options);
  // The URL carries the generated password: no log line may ever show it.
  scrubFromLogs(new URL(state.server.url).password);
  log().info({ port: options.port, dataDir: options.dataDir }, "embedded PostgreSQL started");
  // A killed postmaster leaves this process alive but useless: no supervisor would notice.
  state.watchdog = setInterval(() => {
    if (!state.restarting && state.server && !state.server.isRunning()) state.restarting = restart(state).finally(() => (state.restarting = undefined));
  }, WATCH_INTERVAL_MS).unref();
  return state.server.url;
}

async function restart(state: Embedded): Promise<void> {
  log().error("embedded PostgreSQL stopped unexpectedly; restarting it");
  await state.server?.stop();
  for (let attempt = 1; ; attempt++) {
    try {
      state.server = await startEmbeddedPostgres(embeddedOptions());
      log().warn({ attempt }, "embedded PostgreSQL restarted");
      return;
    } catch (error) {
      if (attempt < RESTART_ATTEMPTS) {
        await new Promise((resolve) => setTimeout(resolve, RESTART_DELAY_MS));
        continue;
      }
      log().fatal({ err: error }, "embedded PostgreSQL cannot be restarted; exiting so that a supervisor restarts the studio");
      process.exit(1);
    }
  }
}
