import "server-only";
import path from "node:path";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { processSingleton } from "@/lib/process-singleton";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";

/**
 * The database URL, once the database is up and migrated: DATABASE_URL when set,
 * otherwise a PostgreSQL embedded under DATA_DIR/postgres. Runs once per process.
 */
export function ensureDatabase(): Promise<string> {
  return processSingleton("database", async () => {
    const { DATABASE_URL, DATA_DIR, EMBEDDED_PG_PORT } = env();
    let url = DATABASE_URL;
    if (!url) {
      const embedded = await startEmbeddedPostgres({
        dataDir: path.join(DATA_DIR, "postgres"),
        port: EMBEDDED_PG_PORT,
        onLog: (message) => log().debug({ postgres: message.trim() }, "embedded postgres"),
      });
      url = embedded.url;
      log().info({ port: EMBEDDED_PG_PORT, dataDir: path.join(DATA_DIR, "postgres") }, "embedded PostgreSQL started");
    }
    const applied = await applyMigrations(url);
    log().info({ applied }, applied.length ? "migrations applied" : "database schema up to date");
    return url;
  });
}
