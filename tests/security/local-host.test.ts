// What another user of the studio's machine, or a fault of its embedded PostgreSQL, could do:
// log in to the database, read members' audio, hang every request, or leave the studio
// down for good. The studio here runs its own embedded server (DATA_DIR, EMBEDDED_PG_PORT),
// which these tests freeze and kill; never the run's shared one.
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { isProcessAlive } from "@/lib/process-alive";
import { unusedPort } from "../support/ports";
import { postgresProcesses, postmasterPid, whileFrozen } from "../support/postgres-processes";
import { call } from "../support/routes";

const asRoot = process.getuid?.() === 0;
let dataDir: string;
let pgDataDir: string;
let databaseUrl: string;
const logged: string[] = [];

beforeAll(async () => {
  dataDir = path.join(mkdtempSync(path.join(tmpdir(), "studio-local-host-")), "data");
  pgDataDir = path.join(dataDir, "postgres");
  // env() reads the environment once, on first use; this file runs in its own process.
  process.env.DATA_DIR = dataDir;
  process.env.EMBEDDED_PG_PORT = String(await unusedPort());
  process.env.LOG_LEVEL = "info";
  delete process.env.DATABASE_URL;
  delete process.env.STORAGE_DIR;
  delete process.env.VENICE_API_KEY;
  // As root, PostgreSQL runs as `postgres`, which must pass through the temp folder.
  if (asRoot) chmodSync(path.dirname(dataDir), 0o711);
  // The studio's log lines, kept here instead of printed (the logger writes to stdout).
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    logged.push(String(chunk));
    return true;
  });
  const { ensureDatabase } = await import("@/lib/db/database");
  databaseUrl = await ensureDatabase();
}, 120_000);

afterAll(async () => {
  const { stopDatabase } = await import("@/lib/db/database");
  await stopDatabase();
  vi.restoreAllMocks();
  rmSync(path.dirname(dataDir), { recursive: true, force: true });
});

async function health(): Promise<{ status: number; ms: number }> {
  const { GET } = await import("@/app/api/health/route");
  const started = performance.now();
  const response = await call(GET, "/api/health");
  await response.body?.cancel();
  return { status: response.status, ms: performance.now() - started };
}

/** Polls until the studio's own Prisma client gets an answer again; resolves to how long it took. */
async function untilQueriesWork(withinMs: number): Promise<number> {
  const { db } = await import("@/lib/db/client");
  const prisma = await db();
  const started = performance.now();
  for (;;) {
    try {
      await prisma.$queryRaw`SELECT 1`;
      return performance.now() - started;
    } catch (error) {
      if (performance.now() - started > withinMs) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

describe("the studio's embedded PostgreSQL, seen from the same machine", () => {
  it("refuses the well-known postgres/postgres", async () => {
    const wellKnown = new URL(databaseUrl);
    wellKnown.password = "postgres";
    await expect(new pg.Client({ connectionString: wellKnown.toString() }).connect()).rejects.toMatchObject({ code: "28P01" });
  });

  it("keeps DATA_DIR and the stored audio in it private to the studio", async () => {
    const { checkTrackStorage, trackStorage } = await import("@/lib/storage/storage");
    await checkTrackStorage();
    await trackStorage().put("tracks/t1/take.mp3", new Blob(["audio bytes"]).stream());
    const modeOf = (relative: string) => statSync(path.join(dataDir, relative)).mode & 0o777;
    expect(modeOf("storage/tracks/t1/take.mp3")).toBe(0o600);
    for (const dir of ["storage", "storage/tracks", "storage/tracks/t1"]) expect(modeOf(dir), dir).toBe(0o700);
    // As root, PostgreSQL (run as `postgres`) must pass through DATA_DIR, not list it.
    expect(modeOf("")).toBe(asRoot ? 0o711 : 0o700);
    expect(modeOf("postgres.password")).toBe(0o600);
  });

  it("never logs the database password, even in a line that prints the database URL", async () => {
    const { log } = await import("@/lib/log");
    log().warn({ databaseUrl }, "a careless line");
    const output = logged.join("");
    expect(output).toContain("embedded PostgreSQL started");
    expect(output).toContain("[redacted]");
    expect(output).not.toContain(new URL(databaseUrl).password);
  });

  it("answers the health check with 503 within 2 s while the database is frozen, and 200 once it thaws", async () => {
    expect((await health()).status).toBe(200);
    const frozen = await whileFrozen(pgDataDir, () =>
      // Without a deadline the check would hang until the thaw; this test gives up at 5 s.
      Promise.race([health(), new Promise<{ status: number; ms: number }>((resolve) => setTimeout(() => resolve({ status: 0, ms: 5_000 }), 5_000))]),
    );
    expect(frozen.status).toBe(503);
    expect(frozen.ms).toBeLessThan(2_000);
    await untilQueriesWork(5_000);
    expect((await health()).status).toBe(200);
  });

  it("fails studio queries that need a connection to a frozen database within seconds, instead of hanging them", async () => {
    const { db } = await import("@/lib/db/client");
    const prisma = await db();
    const firstFailure = await whileFrozen(pgDataDir, async () => {
      const started = performance.now();
      // More queries than the pool has connections: some must connect, or wait for a slot.
      const queries = Array.from({ length: 12 }, () => Promise.resolve(prisma.$queryRaw`SELECT 1`));
      const firstError = new Promise((resolve) => queries.forEach((query) => query.catch(resolve)));
      const gaveUp = new Promise((resolve) => setTimeout(() => resolve("still waiting"), 10_000));
      return { outcome: await Promise.race([firstError, gaveUp]), ms: performance.now() - started };
    });
    expect(String(firstFailure.outcome)).toMatch(/timeout/i);
    expect(firstFailure.ms).toBeLessThan(7_000);
    await untilQueriesWork(5_000);
  }, 30_000);

  it("brings the database back within seconds after its postmaster is killed (kill -9)", async () => {
    const killed = postmasterPid(pgDataDir);
    const processes = postgresProcesses(pgDataDir);
    process.kill(killed, "SIGKILL");
    // Its backends follow it, and no connection is left that could still answer.
    await vi.waitFor(() => expect(processes.filter(isProcessAlive)).toEqual([]), { timeout: 5_000 });
    const recoveredInMs = await untilQueriesWork(10_000);
    expect(postmasterPid(pgDataDir)).not.toBe(killed);
    expect(recoveredInMs).toBeLessThan(10_000);
    expect((await health()).status).toBe(200);
  }, 30_000);

  it("stops the embedded server for good on stopDatabase, watchdog included", async () => {
    const { stopDatabase } = await import("@/lib/db/database");
    const pid = postmasterPid(pgDataDir);
    await stopDatabase();
    expect(isProcessAlive(pid)).toBe(false);
    // Long enough for the watchdog to have restarted it, were it still watching.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(() => postmasterPid(pgDataDir)).toThrow(/ENOENT/);
  });
});

describe("the build lock (npm start)", () => {
  it("lives beside the dist dir, not in the shared temp dir, and is never written through a planted symlink", async () => {
    const { buildLockPath, releaseBuildLock, takeBuildLock } = await import("@/scripts/build-lock.mjs");
    const checkout = mkdtempSync(path.join(tmpdir(), "studio-checkout-"));
    try {
      const lock = buildLockPath(path.join(checkout, ".next"));
      expect(path.dirname(lock)).toBe(checkout);
      // What another user could plant where the lock's pid-named candidate is written.
      const victim = path.join(checkout, "victim");
      writeFileSync(victim, "untouched");
      symlinkSync(victim, `${lock}.${process.pid}`);
      takeBuildLock(lock);
      expect(readFileSync(lock, "utf8")).toBe(String(process.pid));
      expect(readFileSync(victim, "utf8")).toBe("untouched");
      releaseBuildLock(lock);
      expect(existsSync(lock)).toBe(false);
    } finally {
      rmSync(checkout, { recursive: true, force: true });
    }
  });
});
