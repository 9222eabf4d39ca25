// One test file's studio, for tests that call the studio's own route handlers and modules: a
// fresh migrated database of its own on the run's PostgreSQL (DATABASE_URL), logs off, and
// Venice as demo mode or as the simulator over real HTTP. setUpStudio() registers the hooks that
// make it before the file's tests and take it down after them, so a file's own beforeAll (sign
// ins, seed rows) runs once it is there. Lifecycle tests that build their own workers use
// generation-harness.ts instead.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { startVeniceSimulator, type VeniceSimulator, type VeniceSimulatorOptions } from "@/lib/venice-sim/server";
import { createTestDatabase, type TestDatabase } from "./database";

export type StudioOptions = {
  /** Venice is this simulator over HTTP (its URL and key set, 100× Venice's speed); without it, demo mode (no key). */
  simulator?: Partial<VeniceSimulatorOptions>;
  /** Track audio goes to a temp folder of this file's (STORAGE_DIR), removed afterwards. */
  storage?: boolean;
  /** More settings for the studio; undefined unsets one. */
  env?: Record<string, string | undefined>;
};

export type TestStudio = {
  readonly database: TestDatabase;
  /** A connection to the file's database, for seeding rows and reading them back. */
  readonly sql: pg.Client;
  /** The simulator; only with `simulator` set. */
  readonly sim: VeniceSimulator;
  /** STORAGE_DIR; only with `storage` set. */
  readonly storageDir: string;
};

type Running = { database: TestDatabase; sql: pg.Client; sim?: VeniceSimulator; storageDir?: string };

export function setUpStudio(options: StudioOptions = {}): TestStudio {
  let running: Running | undefined;

  beforeAll(async () => {
    const database = await createTestDatabase();
    const sim = options.simulator && (await startVeniceSimulator({ port: 0, speed: 100, ...options.simulator }));
    const storageDir = options.storage ? mkdtempSync(path.join(tmpdir(), "studio-test-storage-")) : undefined;
    setEnv({
      DATABASE_URL: database.url,
      LOG_LEVEL: "silent",
      VENICE_API_BASE: sim ? sim.url : undefined,
      VENICE_API_KEY: sim ? sim.apiKey : undefined,
      ...(storageDir && { STORAGE_DIR: storageDir }),
      ...options.env,
    });
    const sql = new pg.Client({ connectionString: database.url });
    await sql.connect();
    running = { database, sql, sim, storageDir };
  });

  afterAll(async () => {
    if (!running) return;
    await running.sql.end();
    // The studio's own Prisma client, when the tests used it, holds connections to the database.
    const { db } = await import("@/lib/db/client");
    await (await db()).$disconnect();
    await running.sim?.close();
    await running.database.drop();
    if (running.storageDir) rmSync(running.storageDir, { recursive: true, force: true });
  });

  const current = (): Running => {
    if (!running) throw new Error("setUpStudio(): the studio is made in beforeAll; use it in hooks and tests");
    return running;
  };
  return {
    get database() {
      return current().database;
    },
    get sql() {
      return current().sql;
    },
    get sim() {
      const { sim } = current();
      if (!sim) throw new Error("setUpStudio() was called without a simulator");
      return sim;
    },
    get storageDir() {
      const { storageDir } = current();
      if (!storageDir) throw new Error("setUpStudio() was called without storage");
      return storageDir;
    },
  };
}

function setEnv(variables: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(variables)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
}
